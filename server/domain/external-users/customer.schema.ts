// Shapes of the browser's customers (external users): the "Send a link" form and the customers list. No server code:
// the form validates with the same schema in the browser.
import { z } from 'zod';
import '../shared/zod-messages';
import { createAccessLinkInput, type AccessLinkDto } from '../access-links/access-link.schema';
import { singleLineText } from '../shared/single-line-text';

const linkFields = createAccessLinkInput.shape;

/**
 * The browser's "Send a link": to a known customer (`virtualUser`) or to a new one by `name`. A new customer is
 * registered on the address the link goes to, so sending to the same address again finds the same customer (and,
 * while its link is valid, sends that link again rather than a new one).
 */
export const sendCustomerLinkInput = z
  .object({
    virtualUser: linkFields.virtualUser.optional(),
    name: singleLineText({ max: 100 }).optional(),
    email: linkFields.email,
    phone: linkFields.phone,
    maxUses: linkFields.maxUses,
    expiresOn: linkFields.expiresOn,
  })
  .strict()
  .superRefine((v, ctx) => {
    if (!v.virtualUser && !v.name) ctx.addIssue({ code: 'custom', path: ['name'], message: 'Give the customer’s name' });
    if (v.virtualUser && v.name) ctx.addIssue({ code: 'custom', path: ['name'], message: 'Name a new customer or pick a known one, not both' });
    if (!v.email && !v.phone) ctx.addIssue({ code: 'custom', path: ['email'], message: 'Give an email address or a phone number to send the link to' });
    if (v.email && v.phone) ctx.addIssue({ code: 'custom', path: ['phone'], message: 'Send the link by email or by text message, not both' });
  });

export type SentCustomerLinkDto = AccessLinkDto & { name: string; newCustomer: boolean };

export const listCustomersInput = z.object({ search: singleLineText({ max: 100 }).optional() }).strict();

export type CustomerDto = {
  userId: string;
  name: string;
  platform: string;
  createdAt: string;
  /** An app key works, or a link can still be redeemed. */
  canGetIn: boolean;
  hasAppKey: boolean;
  lastLink: { sentTo: string | null; uses: number; maxUses: number; expiresAt: string; createdAt: string; usable: boolean } | null;
};

