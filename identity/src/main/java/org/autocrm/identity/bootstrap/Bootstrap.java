package org.autocrm.identity.bootstrap;

import org.autocrm.identity.IdentityProperties;
import org.autocrm.identity.directory.Directory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** At start: the demo tenant when asked for; otherwise, while no admin exists, the setup token. */
@Component
class Bootstrap implements ApplicationRunner {

    private final IdentityProperties properties;
    private final DemoTenant demo;
    private final FirstAdminSetup setup;
    private final Directory directory;

    Bootstrap(IdentityProperties properties, DemoTenant demo, FirstAdminSetup setup, Directory directory) {
        this.properties = properties;
        this.demo = demo;
        this.setup = setup;
        this.directory = directory;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (properties.demoData()) {
            demo.ensure();
        }
        if (directory.anyAdmin()) {
            setup.used(); // a token left from before the first admin existed must not linger
        } else {
            setup.offer();
        }
    }
}
