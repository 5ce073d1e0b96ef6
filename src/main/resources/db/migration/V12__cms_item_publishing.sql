-- CMS items, draft and live (issue 6). field_data is the staged version that the API edits; published_field_data
-- is the snapshot taken when the item was last published, which the /live routes and the published site show,
-- so that a later staged edit does not change the live version until the item is published again. Null: not live.
-- created_by, updated_by and published_by hold user ids (v1 shows them as Person_<id>).
alter table cms_items add column published_field_data varchar(100000);
alter table cms_items add column created_by varchar(24);
alter table cms_items add column updated_by varchar(24);
alter table cms_items add column published_by varchar(24);
create index cms_items_collection on cms_items (collection_id, created_at);
