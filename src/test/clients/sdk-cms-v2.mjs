// Talks to Weft's v2 CMS API through Webflow's official JavaScript SDK (webflow-api 3.3.4), pointed at Weft with
// baseUrl WEFT_BASE_URL + "/v2" (see sdk-v2.mjs): lists the site's collections, gets the first, lists its items,
// creates an item, gets it, updates it, publishes it, reads its live version, and deletes it.
// maxRetries: 0 so that an error status is reported at once.
//
// Output (stdout): ONE line of JSON
//   {"collections", "collection", "items", "created", "got", "updated", "published", "live", "deleted": true,
//    "afterDelete": {"statusCode"}}
// as the SDK returns them after its own response parsing (dates become Date objects, re-serialized as ISO strings).
// On an SDK error: {"statusCode", "body", "error"} as ONE line of JSON on stderr, exit 1.
//
// Run: WEFT_BASE_URL=http://127.0.0.1:8080 WEFT_API_TOKEN=... WEFT_SITE_ID=... node sdk-cms-v2.mjs
import { WebflowClient, WebflowError } from "webflow-api";

const client = new WebflowClient({
  accessToken: process.env.WEFT_API_TOKEN,
  baseUrl: process.env.WEFT_BASE_URL + "/v2",
  maxRetries: 0,
});
const items = client.collections.items;

try {
  const collections = await client.collections.list(process.env.WEFT_SITE_ID);
  const collectionId = collections.collections[0].id;
  const collection = await client.collections.get(collectionId);
  const list = await items.listItems(collectionId, { limit: 2, offset: 1 });
  // The SDK's wrapper (src/wrapper/ItemsClient) takes the item flat, not under "body" as the generated client does.
  const created = await items.createItem(collectionId, {
    isDraft: false, isArchived: false, fieldData: { name: "SDK Hoodie", slug: "sdk-hoodie", price: 70 },
  });
  const got = await items.getItem(collectionId, created.id);
  const updated = await items.updateItem(collectionId, created.id, { fieldData: { price: 75 } });
  const published = await items.publishItem(collectionId, { itemIds: [created.id] });
  const live = await items.getItemLive(collectionId, created.id);
  await items.deleteItem(collectionId, created.id);
  let afterDelete;
  try {
    await items.getItem(collectionId, created.id);
    afterDelete = { statusCode: 200 };
  } catch (err) {
    afterDelete = { statusCode: err instanceof WebflowError ? err.statusCode : String(err) };
  }
  console.log(JSON.stringify({ collections, collection, items: list, created, got, updated, published, live,
    deleted: true, afterDelete }));
} catch (err) {
  console.error(JSON.stringify({
    statusCode: err instanceof WebflowError ? (err.statusCode ?? null) : null,
    body: err instanceof WebflowError ? (err.body ?? null) : null,
    error: String(err?.message ?? err),
  }));
  process.exit(1);
}
