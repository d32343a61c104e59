# Sourced by up.sh: a test OpenID Connect issuer for the devcluster, so single sign-on is real end
# to end (browser → issuer → panel → kube-apiserver accepting the ID token). Generates, once per
# state dir, a CA and a 127.0.0.1 server certificate (the API server only talks https to issuers)
# and an RSA signing key; writes the API server's AuthenticationConfiguration that trusts the
# issuer. The issuer itself (devcluster/oidc-issuer.mjs) runs only while tests or the demo need it.
#
# Users it signs in are named `oidc:<email>` with groups `oidc:<group>` by the API server.

OIDC_PORT="${DEVCLUSTER_OIDC_PORT:-$((PORT - 8))}"
OIDC_DIR="$STATE_DIR/oidc"
OIDC_ISSUER="https://127.0.0.1:$OIDC_PORT"
OIDC_CLIENT_ID=imagepod-panel

oidc_prepare() {
  mkdir -p "$OIDC_DIR"
  if [ ! -s "$OIDC_DIR/server.crt" ]; then
    (
      cd "$OIDC_DIR"
      openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=imagepod devcluster OIDC CA" \
        -keyout ca.key -out ca.crt 2>/dev/null
      openssl req -newkey rsa:2048 -nodes -subj "/CN=127.0.0.1" -keyout server.key -out server.csr 2>/dev/null
      printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\n' > san.ext
      openssl x509 -req -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 3650 \
        -extfile san.ext -out server.crt 2>/dev/null
      openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out signing.key 2>/dev/null
      rm -f server.csr san.ext ca.srl
      chmod 600 ./*.key
    )
  fi
  {
    printf 'apiVersion: apiserver.config.k8s.io/v1\nkind: AuthenticationConfiguration\njwt:\n'
    printf -- '- issuer:\n    url: %s\n    audiences: [%s]\n    certificateAuthority: |\n' "$OIDC_ISSUER" "$OIDC_CLIENT_ID"
    sed 's/^/      /' "$OIDC_DIR/ca.crt"
    printf '  claimMappings:\n    username: {claim: email, prefix: "oidc:"}\n    groups: {claim: groups, prefix: "oidc:"}\n'
  } > "$OIDC_DIR/authn.yaml"
  printf 'ISSUER=%s\nCLIENT_ID=%s\nISSUER_PORT=%s\nCA=%s\n' "$OIDC_ISSUER" "$OIDC_CLIENT_ID" "$OIDC_PORT" "$OIDC_DIR/ca.crt" > "$OIDC_DIR/issuer.env"
}

# The componentsPatches item that points the API server at the AuthenticationConfiguration.
oidc_apiserver_patch() {
  printf -- '- name: kube-apiserver\n  extraArgs: [{key: authentication-config, value: %s}]\n' "$OIDC_DIR/authn.yaml"
}
