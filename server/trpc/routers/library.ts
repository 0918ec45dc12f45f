// The message library for the browser: texts, templates (and their attachment), recordings and documents.
import { z } from 'zod';
import { emailTemplateInput, LIBRARY_ORDERING, mediaItemInput, smsTextInput } from '../../domain/library/library.schema';
import { attachItemUpload, createItem, deleteItem, getItem, listItems, updateItem } from '../../domain/library/manage-media-items';
import { attachTemplateUpload, createTemplate, deleteTemplate, getTemplate, listTemplates, updateTemplate } from '../../domain/library/manage-templates';
import { createText, deleteText, getText, listTexts, updateText } from '../../domain/library/manage-texts';
import { orderingInput, pageInput } from '../../domain/shared/list';
import { orgProcedure, router } from '../init';

const id = z.object({ id: z.string() }).strict();
const listInput = z.object({ ...pageInput, ordering: orderingInput(LIBRARY_ORDERING, { field: 'name', direction: 'asc' }), search: z.string().max(200).optional() }).strict();
const kind = z.enum(['recording', 'document']);

export const libraryRouter = router({
  texts: orgProcedure('messages:read').input(listInput).query(({ ctx, input }) => listTexts({ ctx: ctx.app, page: input, ordering: input.ordering, search: input.search })),
  text: orgProcedure('messages:read').input(id).query(({ ctx, input }) => getText({ ctx: ctx.app, id: input.id })),
  createText: orgProcedure('messages:manage').input(smsTextInput).mutation(({ ctx, input }) => createText({ ctx: ctx.app, input })),
  updateText: orgProcedure('messages:manage').input(z.object({ id: z.string(), text: smsTextInput }).strict()).mutation(({ ctx, input }) => updateText({ ctx: ctx.app, id: input.id, input: input.text })),
  deleteText: orgProcedure('messages:manage').input(id).mutation(({ ctx, input }) => deleteText({ ctx: ctx.app, id: input.id })),

  templates: orgProcedure('messages:read').input(listInput).query(({ ctx, input }) => listTemplates({ ctx: ctx.app, page: input, ordering: input.ordering, search: input.search })),
  template: orgProcedure('messages:read').input(id).query(({ ctx, input }) => getTemplate({ ctx: ctx.app, id: input.id })),
  createTemplate: orgProcedure('messages:manage').input(emailTemplateInput).mutation(({ ctx, input }) => createTemplate({ ctx: ctx.app, input })),
  updateTemplate: orgProcedure('messages:manage').input(z.object({ id: z.string(), template: emailTemplateInput }).strict()).mutation(({ ctx, input }) => updateTemplate({ ctx: ctx.app, id: input.id, input: input.template })),
  deleteTemplate: orgProcedure('messages:manage').input(id).mutation(({ ctx, input }) => deleteTemplate({ ctx: ctx.app, id: input.id })),
  attachToTemplate: orgProcedure('messages:manage')
    .input(z.object({ id: z.string(), uploadId: z.string(), fileName: z.string().max(255) }).strict())
    .mutation(({ ctx, input }) => attachTemplateUpload({ ctx: ctx.app, id: input.id, uploadId: input.uploadId, fileName: input.fileName })),

  items: orgProcedure('messages:read').input(listInput.extend({ kind })).query(({ ctx, input }) => listItems({ ctx: ctx.app, kind: input.kind, page: input, ordering: input.ordering, search: input.search })),
  item: orgProcedure('messages:read').input(z.object({ id: z.string(), kind }).strict()).query(({ ctx, input }) => getItem({ ctx: ctx.app, kind: input.kind, id: input.id })),
  createItem: orgProcedure('messages:manage').input(z.object({ kind, item: mediaItemInput }).strict()).mutation(({ ctx, input }) => createItem({ ctx: ctx.app, kind: input.kind, input: input.item })),
  updateItem: orgProcedure('messages:manage').input(z.object({ id: z.string(), kind, item: mediaItemInput }).strict()).mutation(({ ctx, input }) => updateItem({ ctx: ctx.app, kind: input.kind, id: input.id, input: input.item })),
  deleteItem: orgProcedure('messages:manage').input(z.object({ id: z.string(), kind }).strict()).mutation(({ ctx, input }) => deleteItem({ ctx: ctx.app, kind: input.kind, id: input.id })),
  attachToItem: orgProcedure('messages:manage')
    .input(z.object({ id: z.string(), kind, uploadId: z.string() }).strict())
    .mutation(({ ctx, input }) => attachItemUpload({ ctx: ctx.app, kind: input.kind, id: input.id, uploadId: input.uploadId })),
});
