import { z } from 'zod';
import { CitationSchema, IsoDay, RecordUrl } from './common.js';

export const SignatorySchema = z
  .object({
    actor_id: z.string(),
    name: z.string(),
    office: z.string(),
    url: RecordUrl.describe("The signatory's actor."),
  })
  .meta({ id: 'Signatory' });

export const ProvisionSchema = z
  .object({ point: z.int().min(1).max(999), text: z.string(), citations: z.array(CitationSchema) })
  .meta({ id: 'Provision' });

export const AgreementPlaceSchema = z
  .object({
    slug: z.string(),
    name: z.string(),
    effect: z.enum(['returned', 'corridor', 'peacekeeping']),
    due_on: IsoDay.nullable(),
    effective_on: IsoDay.nullable(),
    note: z.string().nullable(),
    url: RecordUrl,
  })
  .meta({ id: 'AgreementPlace' });

export const AgreementSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    short_title: z.string(),
    kind: z.string(),
    signed_on: IsoDay,
    signed_date_text: z.string(),
    status: z.string(),
    event_id: z.string().nullable(),
    note: z.string().nullable(),
    signatories: z.array(SignatorySchema),
    provisions: z.array(ProvisionSchema),
    places: z.array(AgreementPlaceSchema),
    url: RecordUrl,
  })
  .meta({ id: 'Agreement' });

export const AgreementDetailSchema = AgreementSchema.extend({ citations: z.array(CitationSchema) }).meta({
  id: 'AgreementDetail',
});
