package org.autocrm.identity.onetime;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.autocrm.identity.AddressThrottle;
import org.autocrm.identity.IdentityException;
import org.autocrm.identity.IdentityProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import reactor.core.scheduler.Schedulers;

/**
 * Sends the account emails and throttles the requests for them. The email goes out after the answer,
 * on another thread: the request is answered alike and in the same time whether or not an account
 * exists, and a slow or broken mail server cannot be used to tell either.
 */
@Component
@EnableConfigurationProperties(AccountEmailProperties.class)
public class AccountMail {

    private static final Logger log = LoggerFactory.getLogger(AccountMail.class);

    private final JavaMailSender mailSender;
    private final AccountEmailProperties properties;
    private final AddressThrottle requests;

    AccountMail(JavaMailSender mailSender, AccountEmailProperties properties, Clock clock) {
        this.mailSender = mailSender;
        this.properties = properties;
        this.requests = new AddressThrottle(new IdentityProperties.AddressThrottle(properties.throttle().maxRequests(),
                properties.throttle().window()), clock);
    }

    public AccountEmailProperties properties() {
        return properties;
    }

    /** Counts one request for an email from this address; 429 once the address used up its requests. */
    public void countRequest(String address) {
        Optional<Duration> blocked = requests.blockedFor(address);
        if (blocked.isPresent()) {
            throw new IdentityException(HttpStatus.TOO_MANY_REQUESTS,
                    "Too many requests for emails from this address; try again later.").retryAfter(blocked.get());
        }
        requests.failed(address);
    }

    public void send(String to, String subject, String text) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(properties.from());
        message.setTo(to);
        message.setSubject(subject);
        message.setText(text);
        Schedulers.boundedElastic().schedule(() -> {
            try {
                mailSender.send(message);
            } catch (MailException failed) {
                // the person asks again; the token is useless to anyone without the email
                log.warn("Cannot send '{}' to an account of ours: {}", subject, failed.toString());
            }
        });
    }
}
