package org.arrivals.ui.common;

import java.util.function.Consumer;
import org.arrivals.audit.Role;

/**
 * How a screen gets the authority for an action its user may not have: the kiosk asks for the
 * PIN of a role that allows {@code needed} (the {@link PinGate}) and then runs the action with the
 * role whose PIN was given, which the audit log records.
 */
@FunctionalInterface
public interface Authority {
    void ask(String why, Role needed, Consumer<Role> then);
}
