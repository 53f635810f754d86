/**
 * The offline spool: a durable, crash-safe queue of reports a client could not
 * deliver yet, replayed in order once the server is back.
 */
package org.testfarm.spool;
