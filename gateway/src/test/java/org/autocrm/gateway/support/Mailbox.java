package org.autocrm.gateway.support;

import static org.awaitility.Awaitility.await;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.autocrm.infrastructure.Infrastructure;

/** The mail the gateway sent, as the shared GreenMail server received it over SMTP. */
public final class Mailbox {

    private static final Pattern TOKEN = Pattern.compile("#token=([A-Za-z0-9]+)");

    public record Mail(String to, String from, String subject, String text) {

        /** The token of the link in the mail. */
        public String token() {
            Matcher matcher = TOKEN.matcher(text);
            if (!matcher.find()) {
                throw new AssertionError("no link with a token in: " + text);
            }
            return matcher.group(1);
        }
    }

    private Mailbox() {
    }

    /** Every message received for this address so far. */
    public static List<Mail> messagesTo(String address) {
        List<Mail> found = new ArrayList<>();
        for (MimeMessage message : Infrastructure.shared().mail().greenMail().getReceivedMessages()) {
            try {
                Address[] recipients = message.getAllRecipients();
                if (recipients != null && Arrays.stream(recipients).anyMatch(r -> r.toString().equalsIgnoreCase(address))) {
                    found.add(new Mail(address, message.getFrom()[0].toString(), message.getSubject(),
                            String.valueOf(message.getContent())));
                }
            } catch (MessagingException | IOException unreadable) {
                throw new AssertionError("cannot read a received message", unreadable);
            }
        }
        return found;
    }

    /** Waits (at most 30 s) until {@code count} messages reached the address; returns the last one. */
    public static Mail awaitMessage(String address, int count) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> messagesTo(address).size() >= count);
        List<Mail> messages = messagesTo(address);
        return messages.get(messages.size() - 1);
    }
}
