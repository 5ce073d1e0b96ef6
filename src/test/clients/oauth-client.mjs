// An OAuth 2.0 client app written with the oauth4webapi library (3.8.8), run step by step by
// dev.weft.oauth.OAuthFlowTests against a running Weft. Every step discovers the server through its
// RFC 8414 metadata (/.well-known/oauth-authorization-server) and prints one JSON line on stdout.
//
//   node oauth-client.mjs authorize   WEFT_BASE_URL CLIENT_ID REDIRECT_URI SCOPE [PKCE=1]
//       -> {"url":…,"state":…,"codeVerifier":…|null}
//   node oauth-client.mjs exchange    WEFT_BASE_URL CLIENT_ID CLIENT_SECRET REDIRECT_URI CALLBACK_URL STATE
//                                     [CODE_VERIFIER] [CLIENT_AUTH=basic|post]
//       -> {"ok":true,"token":{access_token, token_type, scope}} or {"ok":false,"error":…,"status":…}
//   node oauth-client.mjs revoke      WEFT_BASE_URL CLIENT_ID CLIENT_SECRET ACCESS_TOKEN [CLIENT_AUTH]
//       -> {"ok":true} or {"ok":false,…}
// Secrets come in through the environment only, never on the command line.
import * as oauth from 'oauth4webapi';

const env = process.env;
const insecure = { [oauth.allowInsecureRequests]: true }; // Weft runs on http://127.0.0.1 in the tests
const issuer = new URL(env.WEFT_BASE_URL);

async function discover() {
  const response = await oauth.discoveryRequest(issuer, { algorithm: 'oauth2', ...insecure });
  return oauth.processDiscoveryResponse(issuer, response);
}

function clientAuth() {
  return env.CLIENT_AUTH === 'post' ? oauth.ClientSecretPost(env.CLIENT_SECRET) : oauth.ClientSecretBasic(env.CLIENT_SECRET);
}

function failure(e) {
  return {
    ok: false,
    name: e?.constructor?.name,
    code: e?.code,
    error: e?.error ?? e?.cause?.error,
    error_description: e?.error_description ?? e?.cause?.error_description,
    status: e?.status ?? e?.response?.status,
    message: e?.message,
  };
}

async function authorize() {
  const as = await discover();
  const url = new URL(as.authorization_endpoint);
  const state = oauth.generateRandomState();
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', env.CLIENT_ID);
  url.searchParams.set('redirect_uri', env.REDIRECT_URI);
  url.searchParams.set('scope', env.SCOPE);
  url.searchParams.set('state', state);
  let codeVerifier = null;
  if (env.PKCE === '1') {
    codeVerifier = oauth.generateRandomCodeVerifier();
    url.searchParams.set('code_challenge', await oauth.calculatePKCECodeChallenge(codeVerifier));
    url.searchParams.set('code_challenge_method', 'S256');
  }
  return { url: url.href, state, codeVerifier };
}

async function exchange() {
  const as = await discover();
  const client = { client_id: env.CLIENT_ID };
  try {
    const params = oauth.validateAuthResponse(as, client, new URL(env.CALLBACK_URL), env.STATE);
    const response = await oauth.authorizationCodeGrantRequest(as, client, clientAuth(), params, env.REDIRECT_URI,
      env.CODE_VERIFIER ? env.CODE_VERIFIER : oauth.nopkce, insecure);
    const token = await oauth.processAuthorizationCodeResponse(as, client, response);
    return { ok: true, token };
  } catch (e) {
    return failure(e);
  }
}

async function revoke() {
  const as = await discover();
  try {
    const response = await oauth.revocationRequest(as, { client_id: env.CLIENT_ID }, clientAuth(), env.ACCESS_TOKEN, insecure);
    await oauth.processRevocationResponse(response);
    return { ok: true };
  } catch (e) {
    return failure(e);
  }
}

const steps = { authorize, exchange, revoke };
const step = steps[process.argv[2]];
if (!step) {
  console.error('usage: node oauth-client.mjs authorize|exchange|revoke (settings in the environment)');
  process.exit(2);
}
console.log(JSON.stringify(await step()));
