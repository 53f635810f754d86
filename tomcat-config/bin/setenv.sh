# TestFarm in Tomcat: JVM options. Copy to $CATALINA_BASE/bin/setenv.sh (catalina.sh
# sources it at start; it needs no execute bit). Merge with an existing setenv.sh by hand.

# Heap: logs live on disk (no database); 1 GiB serves farms of a few hundred clients.
CATALINA_OPTS="$CATALINA_OPTS -Xms256m -Xmx1g"
# The garbage collector with short pauses, whatever the machine's size.
CATALINA_OPTS="$CATALINA_OPTS -XX:+UseG1GC -XX:MaxGCPauseMillis=200"
# Charts are drawn to PNG on the server: no display is needed or wanted.
CATALINA_OPTS="$CATALINA_OPTS -Djava.awt.headless=true"
# Text read and written in UTF-8 whatever the system locale (Java 17 follows the locale).
CATALINA_OPTS="$CATALINA_OPTS -Dfile.encoding=UTF-8"
# The log directory may be set here instead of in conf/Catalina/localhost/testfarm.xml:
# CATALINA_OPTS="$CATALINA_OPTS -Dtestfarm.logpath=/var/lib/testfarm/logs"
export CATALINA_OPTS

# File names (project and client names) are UTF-8: use a UTF-8 locale if none is set.
case "${LC_ALL:-${LC_CTYPE:-${LANG:-}}}" in
  *UTF-8* | *utf-8* | *UTF8* | *utf8*) ;;
  *) LC_ALL=C.UTF-8; export LC_ALL ;;
esac
