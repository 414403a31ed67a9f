package org.autocrm.identity.singlesignon;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.autocrm.identity.IdentityException;
import org.autocrm.identity.audit.AuditKind;
import org.autocrm.identity.audit.AuditLog;
import org.autocrm.identity.directory.Directory;
import org.autocrm.identity.twofactor.SecretBox;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * An admin sets up, changes or turns off the tenant's single sign-on: the settings are checked (a refusal names the
 * field), the client secret sealed, the document stored in {@code identity_sso_settings} and the change recorded in
 * the audit log as {@code tenant_settings_changed} with {@code detail.setting = sso} (never the secret). Blocking.
 */
@Component
class ConfiguringSso {

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");
    /** RFC 6749 section 3.3: a scope token is printable ASCII without space, quote or backslash. */
    private static final Pattern SCOPE = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]+");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
    private static final int MAX_URL = 2000;
    private static final int MAX_TEXT = 200;
    private static final int MAX_SECRET = 1024;
    private static final int MAX_ENTRIES = 100;

    private final MongoTemplate mongo;
    private final SsoProviders providers;
    private final Directory directory;
    private final SecretBox box;
    private final AuditLog audit;
    private final Clock clock;

    ConfiguringSso(MongoTemplate mongo, SsoProviders providers, Directory directory, SecretBox box, AuditLog audit,
            Clock clock) {
        this.mongo = mongo;
        this.providers = providers;
        this.directory = directory;
        this.box = box;
        this.audit = audit;
        this.clock = clock;
    }

    SsoSettingsView view(String tenantId) {
        requireTenant(tenantId);
        var stored = providers.stored(tenantId);
        if (stored.isPresent()) {
            StoredSsoSettings settings = stored.get();
            return new SsoSettingsView(true, "admin", settings.displayName(), settings.issuer(), settings.clientId(),
                    settings.sealedClientSecret() != null, wireName(settings.clientAuthentication()), settings.scopes(),
                    settings.redirectUri(), settings.provisionUnknownUsers(),
                    SsoClaims.of(settings.claims() == null ? OidcSettings.ClaimMappings.standard() : settings.claims().mappings()),
                    settings.updatedAt(), settings.updatedBy());
        }
        return providers.find(tenantId).map(provider -> {
            OidcSettings settings = provider.settings();
            return new SsoSettingsView(true, "properties", null, settings.issuer().toString(), settings.clientId(), true,
                    wireName(settings.clientAuthentication()), settings.scopes(), settings.redirectUri().toString(),
                    settings.provisionUnknownUsers(), SsoClaims.of(settings.claims()), null, null);
        }).orElse(SsoSettingsView.none());
    }

    SsoSettingsView save(String tenantId, SsoSettingsRequest request, String actorId, String actorRole) {
        if (request == null) {
            throw IdentityException.badRequest("Send the provider's settings, e.g. {\"issuer\": \"https://login.acme.example\", "
                    + "\"clientId\": \"autocrm\", \"clientSecret\": \"...\", \"redirectUri\": "
                    + "\"https://support.acme.example/api/auth/sso/" + tenantId + "/callback\"}.");
        }
        requireTenant(tenantId);
        StoredSsoSettings before = providers.stored(tenantId).orElse(null);
        String displayName = optionalText("displayName", request.displayName(), 100);
        URI issuer = providerUrl("issuer", request.issuer());
        String clientId = requiredText("clientId", request.clientId(), MAX_TEXT);
        String secret = optionalText("clientSecret", request.clientSecret(), MAX_SECRET);
        boolean secretReplaced = secret != null;
        if (secret == null && (before == null || before.sealedClientSecret() == null)) {
            throw unprocessable("clientSecret is required: no secret is stored for this provider yet.");
        }
        String sealed = secretReplaced ? box.seal(StoredSsoSettings.secretOwner(tenantId), secret)
                : before.sealedClientSecret();
        OidcSettings.ClientAuthentication authentication = clientAuthentication(request.clientAuthentication());
        List<String> scopes = scopes(request.scopes());
        URI redirectUri = providerUrl("redirectUri", request.redirectUri());
        String callbackPath = "/api/auth/sso/" + tenantId + "/callback";
        if (!callbackPath.equals(redirectUri.getRawPath())) {
            throw unprocessable("redirectUri must be this tenant's callback on the gateway, ending in " + callbackPath
                    + " (and registered at the provider).");
        }
        OidcSettings.ClaimMappings claims = claims(tenantId, request.claims());
        boolean provision = Boolean.TRUE.equals(request.provisionUnknownUsers());
        try {
            // the relying party's own checks, with a stand-in secret: the real one stays sealed
            new OidcSettings(issuer, clientId, "sealed", authentication, scopes, redirectUri, claims, provision);
        } catch (IllegalArgumentException | NullPointerException refused) {
            throw unprocessable(refused.getMessage() + ".");
        }
        StoredSsoSettings saved = mongo.save(new StoredSsoSettings(tenantId, displayName, issuer.toString(), clientId,
                sealed, authentication, scopes, redirectUri.toString(), provision, StoredSsoSettings.StoredClaims.of(claims),
                clock.instant(), actorId));
        Map<String, String> detail = new LinkedHashMap<>();
        detail.put("setting", "sso");
        detail.put("change", "saved");
        detail.put("issuer", saved.issuer());
        detail.put("clientId", saved.clientId());
        detail.put("clientSecret", secretReplaced ? "replaced" : "kept");
        detail.put("provisionUnknownUsers", Boolean.toString(provision));
        audit.record(tenantId, AuditKind.TENANT_SETTINGS_CHANGED, null, null, null, detail, actorId, actorRole);
        return view(tenantId);
    }

    /** Turns off the settings stored here; the properties' provider, if any, is then the tenant's again. */
    SsoSettingsView remove(String tenantId, String actorId, String actorRole) {
        requireTenant(tenantId);
        StoredSsoSettings removed = mongo.findAndRemove(Query.query(Criteria.where("_id").is(tenantId)),
                StoredSsoSettings.class);
        if (removed != null) {
            audit.record(tenantId, AuditKind.TENANT_SETTINGS_CHANGED, null, null, null,
                    Map.of("setting", "sso", "change", "removed", "issuer", removed.issuer()), actorId, actorRole);
        }
        return view(tenantId);
    }

    private void requireTenant(String tenantId) {
        if (directory.tenant(tenantId).isEmpty()) {
            throw IdentityException.notFound("Tenant " + tenantId + " does not exist.");
        }
    }

    /** An absolute https URL; http only for a provider on this machine (development, tests). */
    static URI providerUrl(String field, String value) {
        String text = requiredText(field, value, MAX_URL);
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException malformed) {
            throw unprocessable(field + " must be a URL, e.g. https://login.acme.example.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.isOpaque() || uri.getHost() == null || uri.getRawUserInfo() != null) {
            throw unprocessable(field + " must be an absolute https URL with a host, e.g. https://login.acme.example.");
        }
        boolean loopback = LOOPBACK.contains(uri.getHost().toLowerCase(Locale.ROOT));
        if (!scheme.equals("https") && !(scheme.equals("http") && loopback)) {
            throw unprocessable(field + " must use https (plain http only for a provider on localhost).");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw unprocessable(field + " must have no query or fragment.");
        }
        return uri;
    }

    private static OidcSettings.ClientAuthentication clientAuthentication(String value) {
        if (value == null || value.isBlank()) {
            return OidcSettings.ClientAuthentication.CLIENT_SECRET_BASIC;
        }
        for (OidcSettings.ClientAuthentication known : OidcSettings.ClientAuthentication.values()) {
            if (wireName(known).equalsIgnoreCase(value.trim())) {
                return known;
            }
        }
        throw unprocessable("clientAuthentication must be client_secret_basic or client_secret_post.");
    }

    private static String wireName(OidcSettings.ClientAuthentication authentication) {
        return authentication == null ? null : authentication.name().toLowerCase(Locale.ROOT);
    }

    private static List<String> scopes(List<String> requested) {
        if (requested == null || requested.isEmpty()) {
            return List.of("openid", "email", "profile");
        }
        if (requested.size() > 20) {
            throw unprocessable("scopes may name at most 20 scopes.");
        }
        Set<String> scopes = new LinkedHashSet<>();
        for (String scope : requested) {
            if (scope == null || scope.length() > MAX_TEXT || !SCOPE.matcher(scope.trim()).matches()) {
                throw unprocessable("scopes must be words without spaces or quotes, e.g. [\"openid\", \"email\"].");
            }
            scopes.add(scope.trim());
        }
        if (!scopes.contains("openid")) {
            throw unprocessable("scopes must include openid (without it the provider sends no ID token).");
        }
        return List.copyOf(scopes);
    }

    private OidcSettings.ClaimMappings claims(String tenantId, SsoClaims claims) {
        if (claims == null) {
            return OidcSettings.ClaimMappings.standard();
        }
        Map<String, String> roleMap = map("claims.roleMap", claims.roleMap());
        roleMap.forEach((providerValue, role) -> {
            if (OidcSettings.personRole(role).isEmpty()) {
                throw unprocessable("claims.roleMap." + providerValue + " must be one of " + OidcSettings.ROLES + ".");
            }
        });
        Map<String, String> groupMap = map("claims.groupMap", claims.groupMap());
        List<String> unknown = groupMap.values().stream().distinct()
                .filter(group -> directory.group(tenantId, group).isEmpty()).toList();
        if (!unknown.isEmpty()) {
            throw unprocessable("claims.groupMap names unknown group(s) " + unknown
                    + "; create them first (POST /api/admin/groups).");
        }
        String defaultRole = optionalText("claims.defaultRole", claims.defaultRole(), MAX_TEXT);
        if (defaultRole != null && OidcSettings.personRole(defaultRole).isEmpty()) {
            throw unprocessable("claims.defaultRole must be one of " + OidcSettings.ROLES + ", or left out.");
        }
        return new OidcSettings.ClaimMappings(optionalText("claims.email", claims.email(), MAX_TEXT),
                optionalText("claims.name", claims.name(), MAX_TEXT), optionalText("claims.roles", claims.roles(), MAX_TEXT),
                optionalText("claims.groups", claims.groups(), MAX_TEXT), roleMap, groupMap, defaultRole);
    }

    private static Map<String, String> map(String field, Map<String, String> given) {
        Map<String, String> map = new LinkedHashMap<>();
        if (given == null) {
            return map;
        }
        if (given.size() > MAX_ENTRIES) {
            throw unprocessable(field + " may have at most " + MAX_ENTRIES + " entries.");
        }
        List<String> blank = new ArrayList<>();
        given.forEach((providerValue, value) -> {
            String key = optionalText(field, providerValue, MAX_TEXT);
            String mapped = optionalText(field + "." + providerValue, value, MAX_TEXT);
            if (key == null || mapped == null) {
                blank.add(String.valueOf(providerValue));
            } else {
                map.put(key, mapped);
            }
        });
        if (!blank.isEmpty()) {
            throw unprocessable(field + " needs a provider value and what it maps to in every entry.");
        }
        return map;
    }

    private static String requiredText(String field, String value, int maxLength) {
        String text = optionalText(field, value, maxLength);
        if (text == null) {
            throw unprocessable(field + " is required.");
        }
        return text;
    }

    /** Trimmed; null when absent or blank. */
    private static String optionalText(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.trim();
        if (text.length() > maxLength) {
            throw unprocessable(field + " may have at most " + maxLength + " characters.");
        }
        if (CONTROL.matcher(text).find()) {
            throw unprocessable(field + " must not contain control characters.");
        }
        return text;
    }

    private static IdentityException unprocessable(String detail) {
        return new IdentityException(HttpStatus.UNPROCESSABLE_ENTITY, detail);
    }
}
