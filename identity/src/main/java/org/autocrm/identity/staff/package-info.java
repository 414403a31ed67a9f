/**
 * The staff directory: who the colleagues are (name, role, groups) for everyone who works tickets, so the workspace
 * can offer them for @mentions and assignment. Admins manage accounts in {@code admin}; this only reads them.
 */
package org.autocrm.identity.staff;
