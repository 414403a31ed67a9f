package org.autocrm.identity.singlesignon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class SsoPropertiesTest {

    @Test
    void bindsATenantsProviderWithSafeDefaults() {
        SsoProperties properties = bind(Map.of(
                "autocrm.identity.sso.tenants.acme.issuer", "https://login.acme.example/realms/staff",
                "autocrm.identity.sso.tenants.acme.client-id", "autocrm",
                "autocrm.identity.sso.tenants.acme.client-secret", "from-the-environment",
                "autocrm.identity.sso.tenants.acme.redirect-uri", "https://support.acme.example/api/auth/sso/acme/callback",
                "autocrm.identity.sso.tenants.acme.claims.roles", "realm_access.roles",
                "autocrm.identity.sso.tenants.acme.claims.role-map.[Support Admins]", "admin",
                "autocrm.identity.sso.tenants.acme.claims.group-map.[/emea/tier-1]", "tier-1",
                "autocrm.identity.sso.tenants.acme.claims.default-role", "agent"));

        OidcSettings acme = properties.settingsFor("acme");
        assertThat(acme.issuer()).isEqualTo(URI.create("https://login.acme.example/realms/staff"));
        assertThat(acme.clientAuthentication()).isEqualTo(OidcSettings.ClientAuthentication.CLIENT_SECRET_BASIC);
        assertThat(acme.scopes()).containsExactly("openid", "email", "profile");
        assertThat(acme.provisionUnknownUsers()).isFalse();
        assertThat(acme.claims().email()).isEqualTo("email");
        assertThat(acme.claims().roles()).isEqualTo("realm_access.roles");
        assertThat(acme.claims().roleMap()).containsExactly(Map.entry("Support Admins", "admin"));
        assertThat(acme.claims().groupMap()).containsExactly(Map.entry("/emea/tier-1", "tier-1"));
        assertThat(acme.claims().defaultRole()).isEqualTo("agent");
        assertThat(properties.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(properties.responseTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(properties.loginTimeout()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void aTenantWithoutProviderIsNotConfigured() {
        SsoProperties none = bind(Map.of("autocrm.identity.sso.login-timeout", "5m"));

        assertThatThrownBy(() -> none.settingsFor("globex")).isInstanceOfSatisfying(SsoLoginFailed.class,
                failure -> assertThat(failure.reason()).isEqualTo(SsoLoginFailed.Reason.NOT_CONFIGURED));
        assertThat(none.find(null)).isEmpty();
    }

    @Test
    void refusesAMappingToARoleAutoCrmDoesNotHave() {
        assertThatThrownBy(() -> bind(Map.of(
                "autocrm.identity.sso.tenants.acme.issuer", "https://login.acme.example",
                "autocrm.identity.sso.tenants.acme.client-id", "autocrm",
                "autocrm.identity.sso.tenants.acme.client-secret", "x",
                "autocrm.identity.sso.tenants.acme.redirect-uri", "https://support.acme.example/cb",
                "autocrm.identity.sso.tenants.acme.claims.role-map.staff", "superuser")))
                .isInstanceOf(BindException.class)
                .rootCause().hasMessageContaining("superuser");
    }

    @Test
    void refusesScopesWithoutOpenid() {
        assertThatThrownBy(() -> new OidcSettings(URI.create("https://login.acme.example"), "autocrm", "x", null,
                List.of("email"), URI.create("https://support.acme.example/cb"), null, false))
                .hasMessageContaining("openid");
    }

    @Test
    void keepsTheClientSecretOutOfLogs() {
        OidcSettings settings = new OidcSettings(URI.create("https://login.acme.example"), "autocrm",
                "very-secret-value", null, null, URI.create("https://support.acme.example/cb"), null, false);

        assertThat(settings.toString()).doesNotContain("very-secret-value").contains("autocrm");
    }

    private static SsoProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("autocrm.identity.sso", SsoProperties.class);
    }
}
