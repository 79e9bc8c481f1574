package org.arrivals.attendee.importing;

/** Something a person should look at in the file: the line, the attendee code if known, and why. */
public record ImportProblem(long line, String code, String reason) {}
