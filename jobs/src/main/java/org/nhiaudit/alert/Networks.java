package org.nhiaudit.alert;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * Names the network a source address belongs to: an IPv4 or IPv6 address by its prefix, anything
 * else (CloudTrail logs a service name such as {@code ec2.amazonaws.com} when a service calls on a
 * principal's behalf) by itself. Never resolves a host name.
 */
public final class Networks implements java.io.Serializable {

  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

  private final int ipv4Bits;
  private final int ipv6Bits;

  public Networks(int ipv4Bits, int ipv6Bits) {
    this.ipv4Bits = ipv4Bits;
    this.ipv6Bits = ipv6Bits;
  }

  /** The network of {@code address}, e.g. {@code 203.0.113.0/24}; null for null. */
  public String of(String address) {
    if (address == null || address.isBlank()) {
      return null;
    }
    boolean v4 = IPV4.matcher(address).matches();
    if (!v4 && !IPV6.matcher(address).matches()) {
      return address;
    }
    byte[] bytes;
    try {
      // Only literals reach here, which InetAddress parses without a lookup.
      bytes = InetAddress.getByName(address).getAddress();
    } catch (UnknownHostException e) {
      return address;
    }
    int bits = bytes.length == 4 ? ipv4Bits : ipv6Bits;
    for (int i = 0; i < bytes.length; i++) {
      int keep = Math.max(0, Math.min(8, bits - 8 * i));
      bytes[i] &= (byte) (0xff << (8 - keep));
    }
    try {
      return InetAddress.getByAddress(bytes).getHostAddress() + "/" + bits;
    } catch (UnknownHostException e) {
      throw new IllegalStateException("a 4- or 16-byte address is always valid", e);
    }
  }
}
