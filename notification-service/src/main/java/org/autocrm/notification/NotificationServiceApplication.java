package org.autocrm.notification;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Will own notifications: email over SMTP, webhooks and live updates, all driven by the ticket event
 * stream. Features arrive one package each ({@code email/}, {@code webhook/}, {@code live/}) beside this
 * class.
 */
@SpringBootApplication
public class NotificationServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(NotificationServiceApplication.class, args);
    }
}
