import { z } from 'zod';

export const CATEGORIES = ['condition', 'anatomy', 'biology', 'test', 'treatment', 'drug', 'symptom', 'general'] as const;
export type Category = (typeof CATEGORIES)[number];

/** How each category is named to a reader in the popover. */
export const CATEGORY_LABELS: Record<Category, string> = {
  condition: 'Condition',
  anatomy: 'Body part',
  biology: 'Biology',
  test: 'Test or scan',
  treatment: 'Treatment',
  drug: 'Medicine',
  symptom: 'Symptom or side effect',
  general: 'Cancer care term',
};

const plainText = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((s) => !/[<>]|\]\(|\*\*|`/.test(s), 'must be plain text (no HTML or Markdown)');

const surface = plainText(80);

export const AmbiguitySchema = z.strictObject({
  surface,
  cues: z.array(plainText(40)).min(1),
});

export const GlossaryEntrySchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case kebab-case'),
  headword: surface,
  category: z.enum(CATEGORIES),
  pronunciation: plainText(60).optional(),
  aliases: z.array(surface).default([]),
  abbreviations: z.array(surface).default([]),
  definition: plainText(400),
  more: plainText(900).optional(),
  related: z.array(z.string()).default([]),
  url: z.url({ protocol: /^https$/ }).optional(),
  searchOnly: z.boolean().default(false),
  ambiguous: z.array(AmbiguitySchema).default([]),
});

export type GlossaryEntry = z.output<typeof GlossaryEntrySchema>;
