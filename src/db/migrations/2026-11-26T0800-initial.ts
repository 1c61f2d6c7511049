// Initial schema: reference data, indicators, targets with revisions, observations and employment.
// Frozen in time: this file never imports application types and never changes once released.
import { type ColumnDefinitionBuilder, type Kysely, sql } from 'kysely';

type Dialect = 'sqlite' | 'postgres';

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const id = (column: ColumnDefinitionBuilder) =>
    dialect === 'postgres'
      ? column.generatedByDefaultAsIdentity().primaryKey()
      : column.primaryKey().autoIncrement();
  const real = 'double precision';

  await db.schema
    .createTable('meta')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('goal')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('area_da', 'text', (c) => c.notNull())
    .addColumn('area_en', 'text', (c) => c.notNull())
    .addColumn('title_da', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text', (c) => c.notNull())
    .addColumn('direction_da', 'text', (c) => c.notNull())
    .addColumn('direction_en', 'text', (c) => c.notNull())
    .addColumn('source_url', 'text', (c) => c.notNull())
    .addColumn('caveat', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('sub_problem')
    .addColumn('id', 'integer', id)
    .addColumn('goal_id', 'integer', (c) => c.notNull().references('goal.id'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name_da', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('source_url', 'text', (c) => c.notNull())
    .addColumn('caveat', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('bfa')
    .addColumn('id', 'integer', id)
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('short', 'text', (c) => c.notNull())
    .addColumn('name_da', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('source_url', 'text', (c) => c.notNull())
    .addColumn('caveat', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('main_group')
    .addColumn('id', 'integer', id)
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name_da', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('branch_group')
    .addColumn('id', 'integer', id)
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('main_group_id', 'integer', (c) => c.notNull().references('main_group.id'))
    .addColumn('name_da', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('name_seen_on_official_page', 'text', (c) => c.notNull())
    .addColumn('source_url', 'text', (c) => c.notNull())
    .addColumn('caveat', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('branch_group_owner')
    .addColumn('branch_group_id', 'integer', (c) => c.notNull().references('branch_group.id'))
    .addColumn('bfa_id', 'integer', (c) => c.notNull().references('bfa.id'))
    .addColumn('basis', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('branch_group_owner_pk', ['branch_group_id', 'bfa_id'])
    .execute();

  await db.schema
    .createTable('sub_branch')
    .addColumn('id', 'integer', id)
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('branch_group_id', 'integer', (c) => c.notNull().references('branch_group.id'))
    .addColumn('name_da', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('source_url', 'text', (c) => c.notNull())
    .addColumn('caveat', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('branch_problem')
    .addColumn('id', 'integer', id)
    .addColumn('scope_key', 'text', (c) => c.notNull().unique())
    .addColumn('branch_group_id', 'integer', (c) => c.notNull().references('branch_group.id'))
    .addColumn('sub_branch_id', 'integer', (c) => c.references('sub_branch.id'))
    .addColumn('goal_id', 'integer', (c) => c.notNull().references('goal.id'))
    .addColumn('sub_problem_id', 'integer', (c) => c.references('sub_problem.id'))
    .addColumn('column_reading', 'text', (c) => c.notNull())
    .addColumn('bfa_id', 'integer', (c) => c.references('bfa.id'))
    .addColumn('source_url', 'text', (c) => c.notNull())
    .addColumn('caveat', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('industry_code')
    .addColumn('id', 'integer', id)
    .addColumn('classification', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('branch_group_id', 'integer', (c) => c.notNull().references('branch_group.id'))
    .addColumn('sub_branch_id', 'integer', (c) => c.references('sub_branch.id'))
    .addColumn('source_url', 'text', (c) => c.notNull())
    .addColumn('caveat', 'text', (c) => c.notNull())
    .addUniqueConstraint('industry_code_classification_code_uq', ['classification', 'code'])
    .execute();

  await db.schema
    .createTable('indicator')
    .addColumn('id', 'integer', id)
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name_da', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('polarity', 'text', (c) => c.notNull())
    .addColumn('data_source', 'text', (c) => c.notNull())
    .addColumn('method_break_notes_da', 'text', (c) => c.notNull())
    .addColumn('method_break_notes_en', 'text', (c) => c.notNull())
    .addColumn('goal_id', 'integer', (c) => c.references('goal.id'))
    .addColumn('sub_problem_id', 'integer', (c) => c.references('sub_problem.id'))
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('target')
    .addColumn('id', 'integer', id)
    .addColumn('scope_key', 'text', (c) => c.notNull().unique())
    .addColumn('branch_group_id', 'integer', (c) => c.references('branch_group.id'))
    .addColumn('sub_branch_id', 'integer', (c) => c.references('sub_branch.id'))
    .addColumn('goal_id', 'integer', (c) => c.notNull().references('goal.id'))
    .addColumn('sub_problem_id', 'integer', (c) => c.references('sub_problem.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('target_revision')
    .addColumn('id', 'integer', id)
    .addColumn('target_id', 'integer', (c) => c.notNull().references('target.id'))
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('indicator_id', 'integer', (c) => c.notNull().references('indicator.id'))
    .addColumn('baseline_year', 'integer', (c) => c.notNull())
    .addColumn('baseline_value', real, (c) => c.notNull())
    .addColumn('target_year', 'integer', (c) => c.notNull())
    .addColumn('target_value', real, (c) => c.notNull())
    .addColumn('owner_bfa_id', 'integer', (c) => c.references('bfa.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('revised_at', 'text', (c) => c.notNull())
    .addColumn('revised_by', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('target_revision_target_revision_uq', ['target_id', 'revision'])
    .addCheckConstraint('target_revision_years_ck', sql`target_year > baseline_year`)
    .execute();

  await db.schema
    .createTable('observation')
    .addColumn('id', 'integer', id)
    .addColumn('indicator_id', 'integer', (c) => c.notNull().references('indicator.id'))
    .addColumn('scope_key', 'text', (c) => c.notNull())
    .addColumn('branch_group_id', 'integer', (c) => c.references('branch_group.id'))
    .addColumn('sub_branch_id', 'integer', (c) => c.references('sub_branch.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('period_label', 'text', (c) => c.notNull())
    .addColumn('value', real, (c) => c.notNull())
    .addColumn('count', real)
    .addColumn('denominator', real)
    .addColumn('respondents', 'integer')
    .addColumn('lowercl', real)
    .addColumn('uppercl', real)
    .addColumn('confidence', real)
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('series_label', 'text', (c) => c.notNull())
    .addColumn('series_break', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('observation_indicator_scope_year_uq', ['indicator_id', 'scope_key', 'year'])
    .execute();

  await db.schema
    .createTable('employment')
    .addColumn('id', 'integer', id)
    .addColumn('branch_group_id', 'integer', (c) => c.notNull().references('branch_group.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('age_band', 'text', (c) => c.notNull())
    .addColumn('sex', 'text', (c) => c.notNull())
    .addColumn('employed', real, (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('employment_branch_year_age_sex_uq', ['branch_group_id', 'year', 'age_band', 'sex'])
    .execute();

  await db.schema
    .createIndex('target_revision_target_idx')
    .on('target_revision')
    .column('target_id')
    .execute();
  await db.schema
    .createIndex('observation_indicator_scope_idx')
    .on('observation')
    .columns(['indicator_id', 'scope_key'])
    .execute();
}
