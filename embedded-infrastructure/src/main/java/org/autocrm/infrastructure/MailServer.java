package org.autocrm.infrastructure;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.lang.System.Logger.Level;

/** GreenMail: a real SMTP and IMAP server in this JVM, bound to 127.0.0.1. Mail is kept in memory. */
public final class MailServer {

  private static final System.Logger LOG = System.getLogger(MailServer.class.getName());

  private final GreenMail greenMail;
  private final int smtpPort;
  private final int imapPort;

  private MailServer(GreenMail greenMail, int smtpPort, int imapPort) {
    this.greenMail = greenMail;
    this.smtpPort = smtpPort;
    this.imapPort = imapPort;
  }

  static MailServer start(int smtpPort, int imapPort) {
    long started = System.nanoTime();
    GreenMail greenMail = new GreenMail(new ServerSetup[] {
        new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
        new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
    try {
      greenMail.start();
    } catch (RuntimeException e) {
      greenMail.stop();
      throw new IllegalStateException("GreenMail cannot listen on SMTP " + smtpPort + " / IMAP " + imapPort + ": "
          + e.getMessage(), e);
    }
    LOG.log(Level.INFO, "GreenMail started: SMTP 127.0.0.1:{0,number,#}, IMAP 127.0.0.1:{1,number,#} in {2} ms",
        smtpPort, imapPort, (System.nanoTime() - started) / 1_000_000);
    return new MailServer(greenMail, smtpPort, imapPort);
  }

  public int smtpPort() {
    return smtpPort;
  }

  public int imapPort() {
    return imapPort;
  }

  /** The running GreenMail instance, e.g. to create users or read received messages. */
  public GreenMail greenMail() {
    return greenMail;
  }

  void stop() {
    greenMail.stop();
    LOG.log(Level.INFO, "GreenMail (SMTP {0,number,#}, IMAP {1,number,#}) stopped", smtpPort, imapPort);
  }

  @Override
  public String toString() {
    return "GreenMail SMTP 127.0.0.1:" + smtpPort + ", IMAP 127.0.0.1:" + imapPort;
  }
}
