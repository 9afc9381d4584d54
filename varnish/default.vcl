# Varnish in front of Strapi with the Cited Articles plugin (README "Caching and CDNs").
#
# The plugin's public GET answers carry Cache-Control (s-maxage is how long Varnish keeps them,
# stale-while-revalidate its grace) and Surrogate-Key naming what they depend on. When content
# changes, the plugin sends `PURGE /` (or `BAN /`) with the keys in a Surrogate-Key header to every
# URL in CITED_ARTICLES_PURGE_URLS; this configuration bans the cached answers holding any of them.
#
#   varnishd -a :6081 -f /etc/varnish/default.vcl -s malloc,256m
#   CITED_ARTICLES_PURGE_URLS=http://127.0.0.1:6081
#
# Set the backend to where Strapi listens, and add to `purgers` the addresses Strapi purges from.
vcl 4.1;

backend default {
  .host = "127.0.0.1";
  .port = "1337";
}

# Who may purge: Strapi's own hosts only.
acl purgers {
  "127.0.0.1";
  "::1";
}

sub vcl_recv {
  if (req.method == "PURGE" || req.method == "BAN") {
    if (client.ip !~ purgers) {
      return (synth(405, "Purging is not allowed from this address"));
    }
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
