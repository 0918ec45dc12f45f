// Shapes of products and their training modules: inputs for create/replace/update and the DTOs.
import { z } from 'zod';

const name = (max: number) => z.string().trim().min(1, 'Name is required').max(max, `must be at most ${max} characters`);
// A product picture: an absolute http(s) URL, or one of our own uploads (/media/…).
const image = z
  .string()
  .trim()
  .max(2000, 'must be at most 2000 characters')
  .refine((v) => /^https?:\/\/[^\s]+$/i.test(v) || /^\/media\/[0-9a-f-]{36}$/i.test(v), { message: 'must be an http(s) URL' });

export const createProductInput = z
  .object({ name: name(120), image: image.nullable().optional(), teamId: z.uuid('must be a team id').nullable().optional().meta({ description: 'The team this product is for; null for the whole organization' }) })
  .strict()
  .meta({ id: 'CreateProductInput' });
export const replaceProductInput = createProductInput.meta({ id: 'ReplaceProductInput' });
export const updateProductInput = z
  .object({ name: name(120).optional(), image: image.nullable().optional(), teamId: z.uuid('must be a team id').nullable().optional() })
  .strict()
  .meta({ id: 'UpdateProductInput' });

export const productDto = z
  .object({
    id: z.uuid(),
    name: z.string(),
    image: z.string().nullable(),
    teamId: z.uuid().nullable(),
    teamName: z.string().nullable(),
    moduleCount: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Product' });

export const PRODUCT_ORDERING = ['name', 'createdAt', 'updatedAt'] as const;

export const MODULE_LIMITS = { instructions: 20, instructionLength: 500, keywords: 30, keywordLength: 60, minTargetTime: 10, maxTargetTime: 3600 } as const;

const instruction = z.string().trim().min(1, 'must not be empty').max(MODULE_LIMITS.instructionLength, `must be at most ${MODULE_LIMITS.instructionLength} characters`);
const keyword = z.string().trim().min(1, 'must not be empty').max(MODULE_LIMITS.keywordLength, `must be at most ${MODULE_LIMITS.keywordLength} characters`);
const instructions = z.array(instruction).max(MODULE_LIMITS.instructions, `at most ${MODULE_LIMITS.instructions} steps`).meta({ description: 'What the rep should do, in order' });
const keywords = z
  .array(keyword)
  .max(MODULE_LIMITS.keywords, `at most ${MODULE_LIMITS.keywords} keywords`)
  .refine((list) => new Set(list.map((k) => k.toLowerCase())).size === list.length, { message: 'must not repeat a keyword' })
  .meta({ description: 'Words and phrases the pitch should contain' });
const targetTime = z
  .number({ message: 'must be a number of seconds' })
  .int('must be whole seconds')
  .min(MODULE_LIMITS.minTargetTime, `must be at least ${MODULE_LIMITS.minTargetTime} seconds`)
  .max(MODULE_LIMITS.maxTargetTime, 'must be at most one hour (3600 seconds)')
  .meta({ description: 'Target length of the pitch, seconds' });
const position = z.number().int('must be a whole number').min(0, 'must be 0 or more').meta({ description: '0-based place in the product; larger values move it to the end' });

export const createModuleInput = z
  .object({ name: name(120), instructions: instructions.default([]), keywords: keywords.default([]), targetTime, position: position.optional() })
  .strict()
  .meta({ id: 'CreateModuleInput' });
export const replaceModuleInput = z
  .object({ name: name(120), instructions, keywords, targetTime, position: position.optional() })
  .strict()
  .meta({ id: 'ReplaceModuleInput' });
export const updateModuleInput = z
  .object({ name: name(120).optional(), instructions: instructions.optional(), keywords: keywords.optional(), targetTime: targetTime.optional(), position: position.optional() })
  .strict()
  .meta({ id: 'UpdateModuleInput' });

export const moduleDto = z
  .object({
    id: z.uuid(),
    productId: z.uuid(),
    productName: z.string(),
    name: z.string(),
    instructions: z.array(z.string()),
    keywords: z.array(z.string()),
    targetTime: z.number().int(),
    position: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Module' });

export type ProductDto = z.infer<typeof productDto>;
export type ModuleDto = z.infer<typeof moduleDto>;
