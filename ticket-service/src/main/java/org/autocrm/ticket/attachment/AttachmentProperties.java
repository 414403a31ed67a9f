package org.autocrm.ticket.attachment;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/** @param maxSize the largest file a ticket accepts */
@ConfigurationProperties("autocrm.attachments")
record AttachmentProperties(@DefaultValue("25MB") DataSize maxSize) {
}
