package dev.ganstudio.core.data;

/** A dataset cannot be used: the message names the file or folder and what was expected. */
public class DatasetException extends Exception {
    public DatasetException(String message) { super(message); }
    public DatasetException(String message, Throwable cause) { super(message, cause); }
}
