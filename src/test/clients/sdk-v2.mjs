// Talks to Weft's v2 Data API through Webflow's official JavaScript SDK
// (webflow-api, pinned to 3.3.4 in package.json), pointed at Weft instead of
// https://api.webflow.com/v2.
//
// In webflow-api 3.3.4 every endpoint builds its URL as
//   url.join(options.baseUrl ?? (options.environment ?? WebflowEnvironment.DataApi).base, "<path>")
// so `baseUrl` overrides the host for every request: with baseUrl
// WEFT_BASE_URL + "/v2" the calls below go to WEFT_BASE_URL/v2/sites,
// WEFT_BASE_URL/v2/sites/{id} and WEFT_BASE_URL/v2/token/introspect.
// A site token may not call /v2/token/* (Webflow's rule, which Weft follows): token.introspect()
// and token.authorizedBy() are expected to fail with 403, and the script reports how the SDK
// surfaced each (3.3.4 maps a 403 of authorizedBy to its ForbiddenError; introspect declares no
// 403, so the SDK throws its generic WebflowError with statusCode 403).
// maxRetries: 0 so that an error status is reported at once rather than retried.
//
// Output (stdout): ONE line of JSON
//   {"list": <sites.list()>, "site": <sites.get(firstSiteId)>, "introspect": <token.introspect()>,
//    "authorizedBy": <token.authorizedBy()>}
// where "introspect" and "authorizedBy" are, when the SDK throws (as it must for a site token),
//   {"error": <the error's class, "ForbiddenError" or "WebflowError">, "statusCode": ..., "body": ...}
// as the SDK returns them after its own response parsing -- note that the SDK turns
// ISO 8601 date strings into Date objects (re-serialized by JSON.stringify as
// toISOString(), i.e. UTC with milliseconds) and turns null optional fields into
// undefined (so they are absent from this output).
// On an SDK error: {"statusCode": ..., "body": ..., "error": <message>} as ONE line of
// JSON on stderr, exit 1.
// If the site list is empty: a message on stderr, exit 2.
//
// Run: WEFT_BASE_URL=http://127.0.0.1:8080 WEFT_API_TOKEN=... node sdk-v2.mjs
import { Webflow, WebflowClient, WebflowError } from "webflow-api";

const client = new WebflowClient({
  accessToken: process.env.WEFT_API_TOKEN,
  baseUrl: process.env.WEFT_BASE_URL + "/v2",
  maxRetries: 0,
});

/** The call's result, or how the SDK surfaced its HTTP error. */
async function refused(call) {
  try {
    return await call();
  } catch (err) {
    if (!(err instanceof WebflowError)) {
      throw err;
    }
    return {
      error: err instanceof Webflow.ForbiddenError ? "ForbiddenError" : "WebflowError",
      statusCode: err.statusCode ?? null,
      body: err.body ?? null,
    };
  }
}

try {
  const list = await client.sites.list();
  const firstSiteId = list.sites?.[0]?.id;
  if (firstSiteId === undefined) {
    console.error("sites.list() returned no site: " + JSON.stringify(list));
    process.exit(2);
  }
  const site = await client.sites.get(firstSiteId);
  const introspect = await refused(() => client.token.introspect());
  const authorizedBy = await refused(() => client.token.authorizedBy());
  console.log(JSON.stringify({ list, site, introspect, authorizedBy }));
} catch (err) {
  // statusCode and body are null when there was no HTTP error answer (connection
  // refused, timeout, ...); "error" then says what happened.
  console.error(JSON.stringify({
    statusCode: err instanceof WebflowError ? (err.statusCode ?? null) : null,
    body: err instanceof WebflowError ? (err.body ?? null) : null,
    error: String(err?.message ?? err),
  }));
  process.exit(1);
}
