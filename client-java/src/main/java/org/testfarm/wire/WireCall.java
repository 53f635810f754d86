package org.testfarm.wire;

import org.testfarm.event.ClientRef;
import org.testfarm.event.ExecutionEvent;
import org.testfarm.event.ExecutionRef;
import org.testfarm.event.FarmListener;

/** A decoded request: what a client reported, ready to deliver to a listener. */
public sealed interface WireCall {

    void deliver(FarmListener listener);

    ClientRef client();

    record Idle(ClientRef client, double minutes) implements WireCall {
        public void deliver(FarmListener listener) {
            listener.clientIdle(client, minutes);
        }
    }

    record Event(ExecutionRef execution, ExecutionEvent event) implements WireCall {
        public void deliver(FarmListener listener) {
            event.deliver(listener, execution);
        }

        public ClientRef client() {
            return execution.clientRef();
        }
    }
}
