package org.autocrm.gateway.edge;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Request body limits ({@code autocrm.gateway.request-size.*}).
 *
 * @param max         any request body
 * @param uploadMax   bodies sent to {@code upload-paths}; a little above ticket-service's own 25 MB
 *                    attachment limit so that its more precise 413 is the one a user sees
 * @param uploadPaths path patterns of file uploads
 */
@ConfigurationProperties("autocrm.gateway.request-size")
record RequestSizeProperties(DataSize max, DataSize uploadMax, List<String> uploadPaths) {

    RequestSizeProperties {
        max = max == null ? DataSize.ofMegabytes(1) : max;
        uploadMax = uploadMax == null ? DataSize.ofMegabytes(30) : uploadMax;
        uploadPaths = uploadPaths == null ? List.of("/api/tickets/*/attachments") : List.copyOf(uploadPaths);
    }
}
