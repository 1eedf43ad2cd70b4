package dev.ganstudio.core.config;

/** An experiment config is unusable; the message names the file, the field and what is allowed. */
public class ConfigException extends Exception {
    public ConfigException(String message) { super(message); }
    public ConfigException(String message, Throwable cause) { super(message, cause); }
}
