package org.autocrm.ai;

import org.autocrm.servicetesting.architecture.ServiceArchitectureContract;

/** The house shape (service-testing's ServiceArchitecture): features without cycles, domains without infrastructure. */
class ArchitectureTest extends ServiceArchitectureContract {

    ArchitectureTest() {
        super(AiServiceApplication.class);
    }
}
