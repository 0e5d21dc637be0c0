/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HS256 JSON Web Tokens (RFC 7519) as amoCRM signs the token passed to initLead. */
#include "cab-jwt.h"

#include <string.h>

/* RFC 7515 §2: base64url without padding. */
char *
cab_jwt_base64url (const guchar *data,
                   gsize         len)
{
  g_autofree char *b64 = g_base64_encode (data, len);
  GString *out = g_string_new (NULL);

  for (const char *p = b64; *p != '\0'; p++)
    {
      if (*p == '+')
        g_string_append_c (out, '-');
      else if (*p == '/')
        g_string_append_c (out, '_');
      else if (*p != '=')
        g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

char *
cab_jwt_decode_part (const char *part,
                     gsize      *len)
{
  g_autoptr(GString) b64 = NULL;
  g_autofree guchar *data = NULL;
  gsize data_len = 0;
  char *result;

  g_return_val_if_fail (part != NULL, NULL);

  /* g_base64_decode() skips what is not base64 without a word, and a token with a stray
   * character must not decode as if it were whole. One character left over holds 6 bits,
   * not a byte: no encoder writes that. */
  b64 = g_string_sized_new (strlen (part) + 3);
  for (const char *p = part; *p != '\0'; p++)
    {
      if (*p == '-')
        g_string_append_c (b64, '+');
      else if (*p == '_')
        g_string_append_c (b64, '/');
      else if (g_ascii_isalnum (*p))
        g_string_append_c (b64, *p);
      else
        return NULL;
    }
  if (b64->len % 4 == 1)
    return NULL;
  while (b64->len % 4 != 0)
    g_string_append_c (b64, '=');

  if (b64->len > 0)
    data = g_base64_decode (b64->str, &data_len);
  result = g_malloc (data_len + 1);
  if (data_len > 0)
    memcpy (result, data, data_len);
  result[data_len] = '\0';
  if (len != NULL)
    *len = data_len;

  return result;
}

static char *
encode_segment (const char *json)
{
  return cab_jwt_base64url ((const guchar *) json, strlen (json));
}

/* The base64url HMAC-SHA256 of "header.payload" (RFC 7515 §5.1). */
char *
cab_jwt_signature_hs256 (const char   *signing_input,
                         const guchar *key,
                         gsize         key_len)
{
  g_autoptr(GHmac) hmac = g_hmac_new (G_CHECKSUM_SHA256, key, key_len);
  guint8 digest[32];
  gsize digest_len = sizeof digest;

  g_hmac_update (hmac, (const guchar *) signing_input, -1);
  g_hmac_get_digest (hmac, digest, &digest_len);

  return cab_jwt_base64url (digest, digest_len);
}

char *
cab_jwt_sign_hs256 (JsonObject *claims,
                    const char *secret)
{
  g_autoptr(JsonNode) claims_node = NULL;
  g_autofree char *payload_json = NULL;
  g_autofree char *header_segment = NULL;
  g_autofree char *payload_segment = NULL;
  g_autofree char *signing_input = NULL;
  g_autofree char *signature = NULL;

  g_return_val_if_fail (claims != NULL, NULL);
  g_return_val_if_fail (secret != NULL, NULL);

  claims_node = json_node_init_object (json_node_alloc (), claims);
  payload_json = json_to_string (claims_node, FALSE);
  header_segment = encode_segment ("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
  payload_segment = encode_segment (payload_json);
  signing_input = g_strconcat (header_segment, ".", payload_segment, NULL);

  signature = cab_jwt_signature_hs256 (signing_input, (const guchar *) secret, strlen (secret));

  return g_strconcat (signing_input, ".", signature, NULL);
}
