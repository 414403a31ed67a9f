package org.autocrm.identity.singlesignon;

import java.net.URI;
import java.util.Optional;
import org.autocrm.identity.twofactor.SecretBox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Which OpenID Connect provider a tenant signs in at: the one an admin stored ({@code identity_sso_settings}), else
 * the one the properties name ({@code autocrm.identity.sso.tenants.<tenant>.*}), else none. Stored settings win, so
 * an admin can take over a provider that was first configured by properties. Blocking.
 */
@Component
public class SsoProviders {

    private static final Logger log = LoggerFactory.getLogger(SsoProviders.class);

    /** Where a tenant's provider settings come from. */
    public enum Source { ADMIN, PROPERTIES }

    /**
     * A tenant's provider.
     *
     * @param displayName what the sign-in button may call it; null when none was given
     */
    public record Provider(OidcSettings settings, String displayName, Source source) {
    }

    private final MongoTemplate mongo;
    private final SsoProperties properties;
    private final SecretBox box;

    SsoProviders(MongoTemplate mongo, SsoProperties properties, SecretBox box) {
        this.mongo = mongo;
        this.properties = properties;
        this.box = box;
    }

    /** The tenant's provider, or {@link SsoLoginFailed.Reason#NOT_CONFIGURED}. */
    public OidcSettings settingsFor(String tenantId) {
        return find(tenantId).map(Provider::settings).orElseThrow(() -> new SsoLoginFailed(
                SsoLoginFailed.Reason.NOT_CONFIGURED, "Single sign-on is not set up for this organisation."));
    }

    public Optional<Provider> find(String tenantId) {
        Optional<StoredSsoSettings> stored = stored(tenantId);
        if (stored.isPresent()) {
            return opened(stored.get());
        }
        return properties.find(tenantId).map(settings -> new Provider(settings, null, Source.PROPERTIES));
    }

    /**
     * That the tenant offers single sign-on, with the name its button may show (null when none was given); read
     * without opening the secret.
     */
    public record Offer(String displayName) {
    }

    public Optional<Offer> offered(String tenantId) {
        Optional<StoredSsoSettings> stored = stored(tenantId);
        if (stored.isPresent()) {
            return Optional.of(new Offer(stored.get().displayName()));
        }
        return properties.find(tenantId).map(settings -> new Offer(null));
    }

    Optional<StoredSsoSettings> stored(String tenantId) {
        return tenantId == null ? Optional.empty() : Optional.ofNullable(mongo.findById(tenantId, StoredSsoSettings.class));
    }

    private Optional<Provider> opened(StoredSsoSettings stored) {
        String secret;
        try {
            secret = box.open(StoredSsoSettings.secretOwner(stored.tenantId()), stored.sealedClientSecret());
        } catch (RuntimeException unreadable) {
            // the encryption key changed (autocrm.identity.totp.encryption-key): only a new secret helps
            log.error("The stored SSO client secret of tenant {} cannot be decrypted; an admin must enter it again: {}",
                    stored.tenantId(), unreadable.getMessage());
            throw new SsoLoginFailed(SsoLoginFailed.Reason.NOT_CONFIGURED, "Single sign-on of this organisation "
                    + "cannot be used until an admin enters the provider's client secret again.");
        }
        return Optional.of(new Provider(new OidcSettings(URI.create(stored.issuer()), stored.clientId(), secret,
                stored.clientAuthentication(), stored.scopes(), URI.create(stored.redirectUri()),
                stored.claims() == null ? null : stored.claims().mappings(), stored.provisionUnknownUsers()),
                stored.displayName(), Source.ADMIN));
    }
}
