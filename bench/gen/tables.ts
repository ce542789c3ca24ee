// The tables the generator fills, column by column, each buffered and written in bulk.
import type { Queryable } from '../../src/server/db/database.ts';
import { BulkTable, columns } from '../lib/bulk.ts';

/** Parts of the schema that depend on migrations still landing (0008: adverse events followed up). */
export interface Features {
  /** adverse_events.updated_at/updated_by and adverse_event_history. */
  adverseEventHistory: boolean;
}

/** Which optional parts of the schema the database has. */
export async function schemaFeatures(q: Queryable): Promise<Features> {
  const r = await q.query<{ ok: boolean }>("SELECT to_regclass('adverse_event_history') IS NOT NULL AS ok");
  return { adverseEventHistory: r.rows[0]?.ok === true };
}

/** One buffer per table, flushed in foreign-key order. */
export function newTables(f: Features) {
  const t = {
    patients: new BulkTable(
      'patients',
      columns(`id:uuid clinic_id:uuid given_name:text family_name:text patronymic:text birth_date:date sex:text phone:text email:text
               preferred_language:text search_key:text phone_digits:text archived_at:timestamptz created_at:timestamptz updated_at:timestamptz created_by:uuid`),
    ),
    historyEntries: new BulkTable('history_entries', columns('id:uuid clinic_id:uuid patient_id:uuid kind:text created_at:timestamptz created_by:uuid')),
    historyVersions: new BulkTable(
      'history_versions',
      columns(`id:uuid clinic_id:uuid entry_id:uuid patient_id:uuid version:int change:text code:text onset:date end_date:date area:text substance:text
               substance_class:text reaction:text note:text source:text entered_in_error:bool reason:text recorded_by:uuid recorded_at:timestamptz valid_to:timestamptz`),
    ),
    weights: new BulkTable('patient_weights', columns('id:uuid clinic_id:uuid patient_id:uuid weight_kg:numeric measured_on:date recorded_by:uuid recorded_at:timestamptz')),
    courses: new BulkTable(
      'courses',
      columns(`id:uuid clinic_id:uuid patient_id:uuid status:text indications:text:text[] areas:text:text[] technique:text depth_mm:numeric template_id:uuid
               components:jsonb planned_sessions:int interval_days:int starts_on:date expected_results:text post_care:text allergy_test:jsonb price_minor:int8
               notes:text plan_assessment:jsonb cancel_reason:text cancelled_at:timestamptz completed_at:timestamptz created_by:uuid created_at:timestamptz updated_at:timestamptz`),
    ),
    consents: new BulkTable(
      'consents',
      columns(`id:uuid clinic_id:uuid patient_id:uuid course_id:uuid kind:text language:text status:text text:text product_codes:text:text[] sessions:int
               photo_use:text content_hash:text patient_signature:bytea patient_signature_type:text patient_typed_name:text signed_at:timestamptz
               countersigned_by:uuid doctor_signature:bytea doctor_signature_type:text countersigned_at:timestamptz created_at:timestamptz created_by:uuid`),
    ),
    waivers: new BulkTable('baseline_photo_waivers', columns('id:uuid clinic_id:uuid course_id:uuid reason:text recorded_by:uuid recorded_at:timestamptz')),
    sessions: new BulkTable(
      'sessions',
      columns(`id:uuid clinic_id:uuid patient_id:uuid course_id:uuid number:int practitioner_id:uuid supervising_doctor_id:uuid performed_at:timestamptz
               session_date:date technique:text depth_mm:numeric areas:jsonb components:jsonb needle:jsonb anaesthesia:jsonb injection_points:jsonb asepsis:jsonb
               immediate_reactions:jsonb duration_minutes:int notes:text assessment:jsonb override_reason:text overridden_by:uuid signed_at:timestamptz
               signed_by:uuid content_hash:text created_by:uuid created_at:timestamptz updated_at:timestamptz`),
      2000,
    ),
    sessionLots: new BulkTable('session_lots', columns('clinic_id:uuid session_id:uuid position:int lot_id:uuid product_id:uuid volume_ml:numeric')),
    movements: new BulkTable('stock_movements', columns('id:uuid clinic_id:uuid lot_id:uuid delta_ml:numeric reason:text session_id:uuid note:text at:timestamptz by_user_id:uuid')),
    adverseEvents: new BulkTable(
      'adverse_events',
      columns(`id:uuid clinic_id:uuid patient_id:uuid session_id:uuid type:text grade:int onset:timestamptz area:text description:text expected:bool status:text
               outcome:text resolved_at:timestamptz reported_by:uuid created_at:timestamptz${f.adverseEventHistory ? ' updated_at:timestamptz updated_by:uuid' : ''}`),
    ),
    adverseEventHistory: new BulkTable(
      'adverse_event_history',
      columns('id:uuid clinic_id:uuid adverse_event_id:uuid at:timestamptz by_user_id:uuid action:text from_status:text to_status:text changes:jsonb note:text'),
    ),
    followUps: new BulkTable(
      'follow_ups',
      columns(`id:uuid clinic_id:uuid patient_id:uuid session_id:uuid adverse_event_id:uuid due_at:timestamptz kind:text status:text completed_at:timestamptz
               completed_by:uuid findings:text created_at:timestamptz`),
    ),
    photos: new BulkTable(
      'photos',
      columns(`id:uuid clinic_id:uuid patient_id:uuid course_id:uuid session_id:uuid view:text phase:text taken_at:timestamptz original_hash:text original_type:text
               original_bytes:int full_hash:text display_hash:text thumb_hash:text width:int height:int note:text uploaded_by:uuid uploaded_at:timestamptz`),
    ),
    audit: new BulkTable(
      'audit_events',
      columns('id:uuid clinic_id:uuid at:timestamptz actor_user_id:uuid actor_role:text action:text record_type:text record_id:text ip:text outcome:text details:jsonb'),
      10000,
    ),
  };
  return t;
}

export type Tables = ReturnType<typeof newTables>;

/** Writes every buffered row, parents before children. */
export async function flushAll(q: Queryable, t: Tables): Promise<void> {
  for (const table of Object.values(t)) await table.flush(q);
}
