@echo off
:: Arrivals from the portable zip, on Windows x64, with the Java 17+ of this computer (JAVA_HOME,
:: else java on the PATH).   arrivals            the kiosk
::                           arrivals COMMAND    a command (arrivals --help lists them)
setlocal
set "HERE=%~dp0"
set "JAVA=java"
if defined JAVA_HOME if exist "%JAVA_HOME%\bin\java.exe" set "JAVA=%JAVA_HOME%\bin\java.exe"
"%JAVA%" -version >nul 2>&1
if errorlevel 1 (
  echo Arrivals needs Java 17 or newer, and found none: install one, for example from adoptium.net, or set JAVA_HOME. 1>&2
  exit /b 1
)
if "%~1"=="" (
  "%JAVA%" "-Darrivals.config=%HERE%kiosk-config" -XX:TieredStopAtLevel=1 -cp "%HERE%lib\*;%HERE%lib\javafx\win\*" org.arrivals.Main kiosk
) else (
  "%JAVA%" "-Darrivals.config=%HERE%kiosk-config" -XX:TieredStopAtLevel=1 -cp "%HERE%lib\*;%HERE%lib\javafx\win\*" org.arrivals.Main %*
)
exit /b %ERRORLEVEL%
