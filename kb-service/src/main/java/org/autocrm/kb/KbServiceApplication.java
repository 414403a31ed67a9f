package org.autocrm.kb;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Will own the knowledge base: articles and their versions, full-text and vector search. Features
 * arrive one package each ({@code article/}, {@code search/}) beside this class.
 */
@SpringBootApplication
public class KbServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(KbServiceApplication.class, args);
    }
}
