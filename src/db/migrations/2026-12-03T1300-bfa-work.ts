// The branch bodies' work: activities (with branch groups, targets and evidence), campaigns, pilots, funding pools
// with each BFA's share, workplace counts per branch group and year (the reach denominator), the council's
// recommendations with follow-up items, and every saved version of each editable record.
// Frozen in time: never imports application types.
import { type ColumnDefinitionBuilder, type CreateTableBuilder, type Kysely, sql } from 'kysely';

type Dialect = 'sqlite' | 'postgres';

// biome-ignore lint/suspicious/noExplicitAny: a table builder of any table and columns
type Table = CreateTableBuilder<any, any>;

/** Columns every editable record carries: published flag, version for optimistic locking, who and when. */
function editable(table: Table): Table {
  return table
    .addColumn('published', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('published_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0));
}

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const id = (column: ColumnDefinitionBuilder) =>
    dialect === 'postgres'
      ? column.generatedByDefaultAsIdentity().primaryKey()
      : column.primaryKey().autoIncrement();
  const money = dialect === 'postgres' ? 'bigint' : 'integer';
  const bytes = dialect === 'postgres' ? 'bytea' : 'blob';
  const float = dialect === 'postgres' ? 'double precision' : 'real';

  await editable(
    db.schema
      .createTable('funding_pool')
      .addColumn('id', 'integer', id)
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('legal_basis', 'text', (c) => c.notNull())
      .addColumn('amount_dkk', money, (c) => c.notNull())
      .addColumn('period_start', 'text', (c) => c.notNull())
      .addColumn('period_end', 'text', (c) => c.notNull())
      .addColumn('purpose', 'text', (c) => c.notNull().defaultTo(''))
      .addCheckConstraint('funding_pool_amount_ck', sql`amount_dkk >= 0`)
      .addCheckConstraint('funding_pool_period_ck', sql`period_start <= period_end`),
  ).execute();

  await db.schema
    .createTable('funding_pool_share')
    .addColumn('pool_id', 'integer', (c) => c.notNull().references('funding_pool.id').onDelete('cascade'))
    .addColumn('bfa_id', 'integer', (c) => c.notNull().references('bfa.id'))
    .addColumn('amount_dkk', money, (c) => c.notNull())
    .addPrimaryKeyConstraint('funding_pool_share_pk', ['pool_id', 'bfa_id'])
    .addCheckConstraint('funding_pool_share_amount_ck', sql`amount_dkk >= 0`)
    .execute();

  await editable(
    db.schema
      .createTable('campaign')
      .addColumn('id', 'integer', id)
      .addColumn('bfa_id', 'integer', (c) => c.references('bfa.id'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('channels', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('period_start', 'text', (c) => c.notNull())
      .addColumn('period_end', 'text')
      .addColumn('reached_people', 'integer')
      .addColumn('reached_workplaces', 'integer')
      .addColumn('impressions', 'integer')
      .addColumn('reach_note', 'text', (c) => c.notNull().defaultTo('')),
  ).execute();

  await editable(
    db.schema
      .createTable('work_activity')
      .addColumn('id', 'integer', id)
      .addColumn('bfa_id', 'integer', (c) => c.notNull().references('bfa.id'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('activity_type', 'text', (c) => c.notNull())
      .addColumn('period_start', 'text', (c) => c.notNull())
      .addColumn('period_end', 'text')
      .addColumn('planned_workplaces', 'integer')
      .addColumn('planned_participants', 'integer')
      .addColumn('reached_workplaces', 'integer')
      .addColumn('reached_participants', 'integer')
      .addColumn('cost_dkk', money)
      .addColumn('funding_pool_id', 'integer', (c) => c.references('funding_pool.id'))
      .addColumn('campaign_id', 'integer', (c) => c.references('campaign.id'))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('batch_id', 'integer', (c) => c.references('import_batch.id'))
      .addCheckConstraint(
        'work_activity_type_ck',
        sql`activity_type in ('workplace_visit', 'dialogue_meeting', 'course', 'guidance_material', 'network', 'campaign_activity', 'other')`,
      )
      .addCheckConstraint(
        'work_activity_status_ck',
        sql`status in ('planned', 'running', 'done', 'cancelled')`,
      )
      .addCheckConstraint(
        'work_activity_counts_ck',
        sql`coalesce(planned_workplaces, 0) >= 0 and coalesce(planned_participants, 0) >= 0
          and coalesce(reached_workplaces, 0) >= 0 and coalesce(reached_participants, 0) >= 0
          and coalesce(cost_dkk, 0) >= 0`,
      )
      .addCheckConstraint('work_activity_period_ck', sql`period_end is null or period_start <= period_end`),
  ).execute();
  await db.schema.createIndex('work_activity_bfa_idx').on('work_activity').column('bfa_id').execute();
  await db.schema
    .createIndex('work_activity_pool_idx')
    .on('work_activity')
    .column('funding_pool_id')
    .execute();
  await db.schema.createIndex('work_activity_batch_idx').on('work_activity').column('batch_id').execute();

  await db.schema
    .createTable('work_activity_branch')
    .addColumn('activity_id', 'integer', (c) =>
      c.notNull().references('work_activity.id').onDelete('cascade'),
    )
    .addColumn('branch_group_id', 'integer', (c) => c.notNull().references('branch_group.id'))
    .addColumn('sub_branch_id', 'integer', (c) => c.references('sub_branch.id'))
    .execute();
  await db.schema
    .createIndex('work_activity_branch_idx')
    .on('work_activity_branch')
    .columns(['activity_id', 'branch_group_id'])
    .execute();

  await db.schema
    .createTable('work_activity_target')
    .addColumn('activity_id', 'integer', (c) =>
      c.notNull().references('work_activity.id').onDelete('cascade'),
    )
    .addColumn('target_id', 'integer', (c) => c.notNull().references('target.id'))
    .addPrimaryKeyConstraint('work_activity_target_pk', ['activity_id', 'target_id'])
    .execute();
  await db.schema
    .createIndex('work_activity_target_target_idx')
    .on('work_activity_target')
    .column('target_id')
    .execute();

  await db.schema
    .createTable('work_evidence')
    .addColumn('id', 'integer', id)
    .addColumn('activity_id', 'integer', (c) =>
      c.notNull().references('work_activity.id').onDelete('cascade'),
    )
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('url', 'text')
    .addColumn('file_name', 'text')
    .addColumn('content_type', 'text')
    .addColumn('size_bytes', 'integer')
    .addColumn('sha256', 'text')
    .addColumn('content', bytes)
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addColumn('added_by', 'text', (c) => c.notNull())
    .addCheckConstraint(
      'work_evidence_kind_ck',
      sql`(kind = 'link' and url is not null) or (kind = 'file' and content is not null and file_name is not null)`,
    )
    .execute();
  await db.schema
    .createIndex('work_evidence_activity_idx')
    .on('work_evidence')
    .column('activity_id')
    .execute();

  await editable(
    db.schema
      .createTable('pilot')
      .addColumn('id', 'integer', id)
      .addColumn('bfa_id', 'integer', (c) => c.notNull().references('bfa.id'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('intervention_group', 'text', (c) => c.notNull())
      .addColumn('comparison_group', 'text', (c) => c.notNull())
      .addColumn('outcome', 'text', (c) => c.notNull())
      .addColumn('design', 'text', (c) => c.notNull())
      .addColumn('period_start', 'text', (c) => c.notNull())
      .addColumn('period_end', 'text')
      .addColumn('before_label', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('after_label', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('x_i0', float)
      .addColumn('n_i0', float)
      .addColumn('x_i1', float)
      .addColumn('n_i1', float)
      .addColumn('x_c0', float)
      .addColumn('n_c0', float)
      .addColumn('x_c1', float)
      .addColumn('n_c1', float)
      .addCheckConstraint('pilot_design_ck', sql`design in ('proportions', 'rates')`),
  ).execute();

  await db.schema
    .createTable('workplace_count')
    .addColumn('id', 'integer', id)
    .addColumn('branch_group_id', 'integer', (c) => c.notNull().references('branch_group.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('workplaces', 'integer', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('batch_id', 'integer', (c) => c.references('import_batch.id'))
    .addCheckConstraint('workplace_count_ck', sql`workplaces >= 0`)
    .execute();
  await db.schema
    .createIndex('workplace_count_uq')
    .on('workplace_count')
    .columns(['branch_group_id', 'year'])
    .unique()
    .execute();

  await editable(
    db.schema
      .createTable('recommendation')
      .addColumn('id', 'integer', id)
      .addColumn('topic', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('issued_on', 'text', (c) => c.notNull())
      .addColumn('addressee', 'text', (c) => c.notNull())
      .addColumn('answer_on', 'text')
      .addColumn('answer_text', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('answer_url', 'text'),
  ).execute();

  await editable(
    db.schema
      .createTable('follow_up_item')
      .addColumn('id', 'integer', id)
      .addColumn('recommendation_id', 'integer', (c) =>
        c.notNull().references('recommendation.id').onDelete('cascade'),
      )
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('owner', 'text', (c) => c.notNull())
      .addColumn('due_on', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addCheckConstraint(
        'follow_up_item_status_ck',
        sql`status in ('open', 'in_progress', 'done', 'dropped')`,
      ),
  ).execute();
  await db.schema
    .createIndex('follow_up_item_recommendation_idx')
    .on('follow_up_item')
    .column('recommendation_id')
    .execute();

  // Every saved version of an editable record (its full state as JSON): the history pages and the conflict report
  // ("what changed since you opened it") read it.
  await db.schema
    .createTable('record_version')
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('state_json', 'text', (c) => c.notNull())
    .addColumn('saved_at', 'text', (c) => c.notNull())
    .addColumn('saved_by', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('record_version_pk', ['entity', 'entity_id', 'version'])
    .execute();
}
