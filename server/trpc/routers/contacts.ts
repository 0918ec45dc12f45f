// Contacts, groups and CSV imports for the browser: the same domain functions as REST's /contacts, /groups, /imports.
import { z } from 'zod';
import { CONTACT_ORDERING, createContactInput, createGroupInput, GROUP_ORDERING, updateContactInput, updateGroupInput } from '../../domain/contacts/contact.schema';
import { previewImport, startImport } from '../../domain/contacts/import/contact-import';
import { startImportInput } from '../../domain/contacts/import/import.schema';
import { getImport, listGroupImports } from '../../domain/contacts/import/read-imports';
import { createContact, deleteContact, deleteContacts, getContact, linkContacts, listContacts, unlinkContacts, updateContact } from '../../domain/contacts/manage-contacts';
import { createGroup, deleteGroup, getGroup, listGroupChoices, listGroups, updateGroup } from '../../domain/contacts/manage-groups';
import { orderingInput, pageInput } from '../../domain/shared/list';
import { orgProcedure, router } from '../init';

const id = z.object({ id: z.string() }).strict();
const ids = z.array(z.string()).max(500);

export const contactsRouter = router({
  list: orgProcedure('contacts:read')
    .input(z.object({ ...pageInput, ordering: orderingInput(CONTACT_ORDERING, { field: 'createdAt', direction: 'desc' }), search: z.string().max(200).optional(), groupId: z.string().optional() }).strict())
    .query(({ ctx, input }) => listContacts({ ctx: ctx.app, page: input, ordering: input.ordering, filters: { search: input.search, groupId: input.groupId } })),
  get: orgProcedure('contacts:read').input(id).query(({ ctx, input }) => getContact({ ctx: ctx.app, id: input.id })),
  create: orgProcedure('contacts:manage').input(createContactInput).mutation(({ ctx, input }) => createContact({ ctx: ctx.app, input })),
  update: orgProcedure('contacts:manage')
    .input(z.object({ id: z.string(), patch: updateContactInput }).strict())
    .mutation(({ ctx, input }) => updateContact({ ctx: ctx.app, id: input.id, input: input.patch })),
  delete: orgProcedure('contacts:manage').input(id).mutation(({ ctx, input }) => deleteContact({ ctx: ctx.app, id: input.id })),
  deleteMany: orgProcedure('contacts:manage').input(z.object({ ids }).strict()).mutation(({ ctx, input }) => deleteContacts({ ctx: ctx.app, ids: input.ids })),
  addToGroup: orgProcedure('contacts:manage').input(z.object({ ids, groupId: z.string() }).strict()).mutation(({ ctx, input }) => linkContacts({ ctx: ctx.app, ids: input.ids, groupId: input.groupId })),
  removeFromGroup: orgProcedure('contacts:manage').input(z.object({ ids, groupId: z.string() }).strict()).mutation(({ ctx, input }) => unlinkContacts({ ctx: ctx.app, ids: input.ids, groupId: input.groupId })),

  groups: orgProcedure('contacts:read')
    .input(z.object({ ...pageInput, ordering: orderingInput(GROUP_ORDERING, { field: 'name', direction: 'asc' }), search: z.string().max(200).optional() }).strict())
    .query(({ ctx, input }) => listGroups({ ctx: ctx.app, page: input, ordering: input.ordering, search: input.search })),
  groupChoices: orgProcedure('contacts:read').query(({ ctx }) => listGroupChoices({ ctx: ctx.app })),
  group: orgProcedure('contacts:read').input(id).query(({ ctx, input }) => getGroup({ ctx: ctx.app, id: input.id })),
  createGroup: orgProcedure('contacts:manage').input(createGroupInput).mutation(({ ctx, input }) => createGroup({ ctx: ctx.app, input })),
  updateGroup: orgProcedure('contacts:manage')
    .input(z.object({ id: z.string(), patch: updateGroupInput }).strict())
    .mutation(({ ctx, input }) => updateGroup({ ctx: ctx.app, id: input.id, input: input.patch })),
  deleteGroup: orgProcedure('contacts:manage').input(id).mutation(({ ctx, input }) => deleteGroup({ ctx: ctx.app, id: input.id })),

  previewImport: orgProcedure('contacts:manage').input(z.object({ uploadId: z.string() }).strict()).query(({ ctx, input }) => previewImport({ ctx: ctx.app, uploadId: input.uploadId })),
  startImport: orgProcedure('contacts:manage').input(startImportInput).mutation(({ ctx, input }) => startImport({ ctx: ctx.app, input })),
  import: orgProcedure('contacts:read').input(id).query(({ ctx, input }) => getImport({ ctx: ctx.app, id: input.id })),
  groupImports: orgProcedure('contacts:read').input(z.object({ groupId: z.string() }).strict()).query(({ ctx, input }) => listGroupImports({ ctx: ctx.app, groupId: input.groupId })),
});
