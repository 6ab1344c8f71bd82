package org.nhiaudit.inventory;

/**
 * An inventory file that cannot be read as what it claims to be. The message names the file, the
 * place in it (a line, a row or a JSON path) and the field at fault, so that whoever exported the
 * file can fix it without reading code.
 */
public final class InventoryException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String file;
  private final String location;
  private final String field;

  /**
   * @param file the file as named on input
   * @param location where in the file, e.g. {@code line 12} or {@code RoleDetailList[3]}
   * @param field the field at fault, or null when the whole entry is
   * @param problem what is wrong, in plain words
   */
  public InventoryException(String file, String location, String field, String problem) {
    this(file, location, field, problem, null);
  }

  public InventoryException(
      String file, String location, String field, String problem, Throwable cause) {
    super(message(file, location, field, problem), cause);
    this.file = file;
    this.location = location;
    this.field = field;
  }

  public String file() {
    return file;
  }

  public String location() {
    return location;
  }

  public String field() {
    return field;
  }

  private static String message(String file, String location, String field, String problem) {
    StringBuilder text = new StringBuilder(file);
    if (location != null) {
      text.append(", ").append(location);
    }
    if (field != null) {
      text.append(", field '").append(field).append('\'');
    }
    return text.append(": ").append(problem).toString();
  }
}
