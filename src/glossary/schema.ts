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
  /** Context words that make this surface mean this entry (one must be near). */
  cues: z.array(plainText(40)).min(1),
  /** Context words that mean the ordinary sense: near one of them, the surface is never this entry. */
  unless: z.array(plainText(40)).default([]),
});

/**
 * A reference the entry's facts were checked against, named as the source names itself:
 * "NCI Dictionary of Cancer Terms", "NCI Drug Dictionary", "MedlinePlus: Gout", "FDA label: Xgeva",
 * "NHLBI: Angina". The lint checks the form; the learn-more link is derived from it.
 */
export const SourceSchema = plainText(120);

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
  /** References the facts were checked against (required by the lint). */
  sources: z.array(SourceSchema).min(1).optional(),
  /**
   * Whether a lay adult reads the headword without help ("lung cancer", "bone pain", "ibuprofen").
   * Everyday surfaces are not underlined by default; search and the keyboard path still explain them.
   * Required by the lint. Aliases take the entry's kind unless listed below.
   */
  everyday: z.boolean().optional(),
  /** Aliases that are everyday words although the headword needs explaining ("shortness of breath" of dyspnea). */
  everydayAliases: z.array(surface).default([]),
  /** Aliases that need explaining although the headword is everyday ("pulmonary carcinoma" of lung cancer). */
  jargonAliases: z.array(surface).default([]),
  /** A group of medicines (bisphosphonate, opioid, NSAID), not a single medicine: never linked to the NCI Drug Dictionary. */
  drugClass: z.boolean().default(false),
});

export type GlossaryEntry = z.output<typeof GlossaryEntrySchema>;
