package org.autocrm.identity.singlesignon;

import java.net.URI;

/** The parts of a provider's discovery document a sign-in uses. */
record ProviderMetadata(String issuer, URI authorizationEndpoint, URI tokenEndpoint, URI jwksUri) {
}
