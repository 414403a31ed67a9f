package org.autocrm.routing.rules;

/** No rule of this id in the caller's tenant (another tenant's rule is not found either). */
public class RuleNotFound extends RuntimeException {

    public RuleNotFound(String id) {
        super("There is no rule " + id);
    }
}
