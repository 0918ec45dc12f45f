// OpenAPI paths of API.md §2: organizations, API keys and statistics.
import { z } from 'zod';
import { apiKeyDto, createApiKeyInput, createdApiKeyDto } from '../../../domain/api-keys/api-key.schema';
import { createOrganizationInput, organizationDto, replaceOrganizationInput, updateOrganizationInput } from '../../../domain/organizations/organization.schema';
import { statisticsDto } from '../../../domain/statistics/get-statistics';
import { idPath, listOf, operation, pageQuery } from '../operation';

const orgTags = ['Organizations'];
const keyTags = ['API keys'];
const orgById = { path: idPath, tags: orgTags, access: 'authenticated' as const };

export const organizationPaths = {
  '/organizations': {
    get: operation({ summary: "List the caller's organizations", tags: orgTags, access: 'authenticated', query: pageQuery.extend({ ordering: z.enum(['name', '-name', 'createdAt', '-createdAt']).optional() }), responses: { 200: { description: 'Organizations', schema: listOf(organizationDto, 'OrganizationList') } } }),
    post: operation({ summary: 'Create an organization (the caller becomes owner)', tags: orgTags, access: 'user', body: createOrganizationInput, responses: { 201: { description: 'Created', schema: organizationDto } } }),
  },
  '/organizations/{id}': {
    get: operation({ ...orgById, summary: 'Read an organization', responses: { 200: { description: 'Organization', schema: organizationDto } } }),
    patch: operation({ ...orgById, summary: 'Update some fields (admin or owner)', body: updateOrganizationInput, errors: ['forbidden'], responses: { 200: { description: 'Organization', schema: organizationDto } } }),
    put: operation({ ...orgById, summary: 'Replace every field (admin or owner)', body: replaceOrganizationInput, errors: ['forbidden'], responses: { 200: { description: 'Organization', schema: organizationDto } } }),
    delete: operation({ ...orgById, summary: 'Delete the organization (owner only)', errors: ['forbidden'], responses: { 204: { description: 'Deleted' } } }),
  },
  '/organizations/{id}/make-active': {
    post: operation({ summary: "Make it the caller's active organization", tags: orgTags, access: 'user', path: idPath, responses: { 200: { description: 'Done', schema: z.object({ message: z.string() }) } } }),
  },
  '/statistics': {
    get: operation({
      summary: 'Counts for the organization',
      tags: orgTags,
      access: 'statistics:read',
      query: z.object({
        from: z.string().optional().meta({ description: 'YYYY-MM-DD (inclusive) or ISO timestamp' }),
        to: z.string().optional().meta({ description: 'YYYY-MM-DD (inclusive) or ISO timestamp' }),
        tz: z.string().optional().meta({ description: 'IANA time zone for from/to' }),
        timezoneoffset: z.number().int().optional().meta({ description: 'Minutes as getTimezoneOffset(): -420 means GMT+7' }),
      }),
      responses: { 200: { description: 'Counts', schema: statisticsDto } },
    }),
  },
  '/api-keys': {
    get: operation({ summary: 'List active API keys', tags: keyTags, access: 'apiKeys:read', query: pageQuery.extend({ ordering: z.enum(['name', '-name', 'createdAt', '-createdAt', 'lastUsedAt', '-lastUsedAt', 'expiresAt', '-expiresAt']).optional() }), responses: { 200: { description: 'Keys (never their secrets)', schema: listOf(apiKeyDto, 'ApiKeyList') } } }),
    post: operation({ summary: 'Create an API key (secret shown once)', tags: keyTags, access: 'apiKeys:manage', body: createApiKeyInput, responses: { 201: { description: 'Created, with its secret', schema: createdApiKeyDto } } }),
  },
  '/api-keys/{id}': {
    delete: operation({ summary: 'Revoke an API key', tags: keyTags, access: 'apiKeys:manage', path: idPath, responses: { 204: { description: 'Revoked' } } }),
  },
};
