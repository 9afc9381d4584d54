# Varnish in front of Strapi with the Cited Articles plugin (README "Caching and CDNs").
#
# The plugin's public GET answers carry Cache-Control (s-maxage is how long Varnish keeps them,
# stale-while-revalidate its grace) and Surrogate-Key naming what they depend on. When content
# changes, the plugin sends `PURGE /` (or `BAN /`) with the keys in a Surrogate-Key header and the
# shared secret in X-Purge-Token to every URL in CITED_ARTICLES_PURGE_URLS; this configuration bans
# the cached answers holding any of the keys, if the secret is right and the address is a purger.
#
#   # the secret, in a file beside this one that only root and varnish read (not in git):
#   printf 'sub cited_purge_secret {\n  set req.http.X-Cited-Purge-Secret = "%s";\n}\n' \
#     "$CITED_ARTICLES_PURGE_TOKEN" > /etc/varnish/purge-secret.vcl
#   varnishd -a :6081 -f /etc/varnish/default.vcl -s malloc,256m
#   CITED_ARTICLES_PURGE_URLS=http://127.0.0.1:6081 CITED_ARTICLES_PURGE_TOKEN=… npm start
#
# Set the backend to where Strapi listens, and add to `purgers` the addresses Strapi purges from.
vcl 4.1;

import std;

# Defines `sub cited_purge_secret`, which sets req.http.X-Cited-Purge-Secret to the purge secret
# (varnish/purge-secret.vcl.example). Without the file, varnishd refuses to load this configuration.
include "./purge-secret.vcl";

backend default {
  .host = "127.0.0.1";
  .port = "1337";
}

# Who may purge: Strapi's own hosts only, and only with the secret. The address alone is not enough:
# behind a TLS terminator (hitch, nginx, haproxy) on the same host, every client is 127.0.0.1.
acl purgers {
  "127.0.0.1";
  "::1";
}

sub vcl_recv {
  # Never taken from a client: only cited_purge_secret sets it, for the comparison below.
  unset req.http.X-Cited-Purge-Secret;
  if (req.method == "PURGE" || req.method == "BAN") {
    if (client.ip !~ purgers) {
      std.log("cited-articles purge refused: address " + client.ip + " is not in purgers");
      return (synth(403, "Purging is not allowed from this address"));
    }
    call cited_purge_secret;
    if (req.http.X-Cited-Purge-Secret == "" || req.http.X-Cited-Purge-Secret ~ "^replace-with-") {
      unset req.http.X-Cited-Purge-Secret;
      std.log("cited-articles purge refused: no purge secret configured in purge-secret.vcl");
      return (synth(403, "Purging is not configured"));
    }
    if (!req.http.X-Purge-Token || req.http.X-Purge-Token != req.http.X-Cited-Purge-Secret) {
      unset req.http.X-Cited-Purge-Secret;
      std.log("cited-articles purge refused: missing or wrong X-Purge-Token from " + client.ip);
      return (synth(403, "A valid X-Purge-Token header is required to purge"));
    }
    unset req.http.X-Cited-Purge-Secret;
    if (!req.http.Surrogate-Key) {
      return (synth(400, "A Surrogate-Key header must name the keys to purge"));
    }
    # Keys are tokens of letters, digits and - _ . ~ separated by spaces: anything else is dropped,
    # then the list becomes one alternation matched against whole keys of cached answers.
    set req.http.X-Purge-Keys = regsuball(req.http.Surrogate-Key, "[^A-Za-z0-9._~ -]", "");
    set req.http.X-Purge-Keys = regsuball(req.http.X-Purge-Keys, "^ +| +$", "");
    if (req.http.X-Purge-Keys == "") {
      return (synth(400, "No valid key in Surrogate-Key"));
    }
    set req.http.X-Purge-Keys = regsuball(req.http.X-Purge-Keys, " +", "|");
    ban("obj.http.Surrogate-Key ~ (^|\s)(" + req.http.X-Purge-Keys + ")(\s|$)");
    return (synth(200, "Purged"));
  }

  if (req.url ~ "^/api/cited-articles/") {
    # Drafts and previews are never cached (the plugin also answers them with no-store).
    if (req.url ~ "^/api/cited-articles/preview/" || req.url ~ "[?&]status=draft") {
      return (pass);
    }
    if (req.method == "GET" || req.method == "HEAD") {
      # The content API answers do not depend on cookies; a request with Authorization (a
      # reader's JWT, an API token) still passes, as in Varnish's built-in logic.
      unset req.http.Cookie;
    }
  }
  # GET /graphql (persisted queries, docs/graphql.md) takes Varnish's built-in logic: cached when
  # the plugin answers it public with its Surrogate-Key (purged like the REST answers), passed with
  # Authorization or a Cookie. Cookies are kept there: Strapi's other GraphQL fields are not the
  # plugin's to vouch for. POSTs are never cached.
}

sub vcl_backend_response {
  # Only complete answers are kept: a 404 for an article about to be published, or an error, is
  # refetched on the next request (hit-for-miss for a second) rather than served for minutes.
  if (beresp.status != 200 && !beresp.was_304) {
    set beresp.uncacheable = true;
    set beresp.ttl = 1s;
    return (deliver);
  }
}

sub vcl_deliver {
  # For operators and tests: whether this answer came from the cache.
  if (obj.hits > 0) {
    set resp.http.X-Cache = "HIT";
  } else {
    set resp.http.X-Cache = "MISS";
  }
}
