// Talks to Weft's v1 CMS API through Webflow's official v1 JavaScript SDK (webflow-api 1.3.1, installed as
// "webflow-api-v1"). That SDK forces https://api.<host>/, so its axios client is pointed at Weft after
// construction (client.defaults.baseURL), as the reference's "Surprises" describe. It lists the site's
// collections, gets the first, lists its items, creates an item, gets it, updates it (PUT), patches it, publishes
// it, and removes it.
//
// Output (stdout): ONE line of JSON
//   {"collections", "collection", "items", "created", "got", "updated", "patched", "published", "removed",
//    "rateLimit"}
// On an error: {"statusCode", "body", "error"} as ONE line of JSON on stderr, exit 1.
//
// Run: WEFT_BASE_URL=http://127.0.0.1:8080 WEFT_API_TOKEN=... WEFT_SITE_ID=... node sdk-cms-v1.mjs
import Webflow from "webflow-api-v1";

const WebflowClass = Webflow.Webflow ?? Webflow.default ?? Webflow;
const webflow = new WebflowClass({ token: process.env.WEFT_API_TOKEN });
webflow.client.defaults.baseURL = process.env.WEFT_BASE_URL + "/";

/** An SDK object (Collection, Item) without its client and response metadata. */
function plain(value) {
  if (Array.isArray(value)) {
    return value.map(plain);
  }
  const out = {};
  for (const [k, v] of Object.entries(value ?? {})) {
    if (k !== "client" && k !== "response" && k !== "_meta") {
      out[k] = v;
    }
  }
  return out;
}

try {
  const siteId = process.env.WEFT_SITE_ID;
  const collections = await webflow.collections({ siteId });
  const collectionId = collections[0]._id;
  const collection = await webflow.collection({ collectionId });
  const list = await webflow.items({ collectionId, limit: 2, offset: 1 });
  const created = await webflow.createItem({
    collectionId,
    fields: { name: "SDK Cap", slug: "sdk-cap", _archived: false, _draft: false, price: 25 },
  });
  const got = await webflow.item({ collectionId, itemId: created._id });
  const updated = await webflow.updateItem({
    collectionId, itemId: created._id, name: "SDK Cap 2", slug: "sdk-cap", _archived: false, _draft: false, price: 26,
  });
  const patched = await webflow.patchItem({ collectionId, itemId: created._id, price: 27 });
  const published = await webflow.publishItems({ collectionId, itemIds: [created._id] });
  const removed = await webflow.removeItem({ collectionId, itemId: created._id });
  console.log(JSON.stringify({
    collections: plain(collections), collection: plain(collection), items: plain(list), created: plain(created),
    got: plain(got), updated: plain(updated), patched: plain(patched), published, removed,
    rateLimit: created._meta?.rateLimit ?? null,
  }));
} catch (err) {
  console.error(JSON.stringify({
    statusCode: err?.response?.status ?? null,
    body: err?.response?.data ?? null,
    error: String(err?.message ?? err),
  }));
  process.exit(1);
}
