package org.autocrm.servicetesting;

/** One server of the embedded infrastructure that a test may ask for. */
public enum Piece {
    POSTGRES, KAFKA, ELASTICSEARCH, MONGO, MAIL
}
