package org.autocrm.ai;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Will own the AI features: summaries, draft replies, the chatbot and its escalation, human-review
 * rules. Features arrive one package each ({@code summary/}, {@code draft/}, {@code chatbot/}, {@code review/})
 * beside this class.
 */
@SpringBootApplication
public class AiServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(AiServiceApplication.class, args);
    }
}
