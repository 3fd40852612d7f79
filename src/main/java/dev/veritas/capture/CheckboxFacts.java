package dev.veritas.capture;

/** A checkbox or radio button and whether the page had already ticked it for the user. */
public record CheckboxFacts(String label, String name, String type, boolean checked, boolean inForm, boolean visible, String selector) {}
