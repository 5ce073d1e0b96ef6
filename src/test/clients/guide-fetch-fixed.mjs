// The JavaScript snippet from Webflow's "getting started" guide with the one bug
// fixed: the stray single quote before "Bearer" in the authorization header is
// removed (`Bearer ${YOUR_API_TOKEN}`). Everything else is as in guide-fetch.mjs.
//
// Changed from the guide, and only this:
//   * the stray quote in the authorization header is removed;
//   * the token comes from WEFT_API_TOKEN instead of the guide's placeholder;
//   * the URL is WEFT_BASE_URL + '/sites' instead of https://api.webflow.com/sites;
//   * the HTTP status is printed on its own first line as "status=<n>";
//   * the parsed body is printed with console.log(JSON.stringify(response)) instead of
//     console.log(response), so that the Java side can parse it as JSON (one line).
//
// Run: WEFT_BASE_URL=http://127.0.0.1:8080 WEFT_API_TOKEN=... node guide-fetch-fixed.mjs
const YOUR_API_TOKEN = process.env.WEFT_API_TOKEN

const options = {
  method: 'GET',
  headers: {
    accept: 'application/json',
    authorization:`Bearer ${YOUR_API_TOKEN}`
  }
};

fetch(process.env.WEFT_BASE_URL + '/sites', options)
  .then(response => { console.log(`status=${response.status}`); return response.json() })
  .then(response => console.log(JSON.stringify(response)))
  .catch(err => console.error(err));
