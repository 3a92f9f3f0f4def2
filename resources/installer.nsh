; Included by electron-builder's NSIS installer (nsis.include in electron-builder.yml).
; On uninstall (not on an update), removes the Start-menu entry and asks whether to remove the
; user's data as well. The data is kept by default, never asked about and never removed during an
; update or a silent uninstall (pass --delete-app-data to remove it silently; electron-builder's
; uninstaller handles that flag itself).

!macro customUnInstall
  ${ifNot} ${isUpdated}
    ; The one Start-menu entry: the installer's shortcut (nsis.shortcutName is the product name) is
    ; the file Electron keeps for notifications, Programs\<productName>.lnk. electron-builder removes
    ; its own shortcut; this also removes it when Electron (re)wrote it, so none survives uninstall.
    SetShellVarContext current
    Delete "$SMPROGRAMS\${PRODUCT_NAME}.lnk"
    ; /SD IDNO: a silent uninstall answers "no" without showing the question.
    MessageBox MB_YESNO|MB_ICONQUESTION|MB_DEFBUTTON2 \
      "Also remove your ${PRODUCT_NAME} data (settings, cached earnings, demo sandbox)?$\r$\n$\r$\nYour Quantower account and referral earnings are not affected." \
      /SD IDNO IDNO keepUserData
      ; Electron keeps user data per user, under the product name, whatever the install mode.
      SetShellVarContext current
      RMDir /r "$APPDATA\${APP_FILENAME}"
      !ifdef APP_PRODUCT_FILENAME
        RMDir /r "$APPDATA\${APP_PRODUCT_FILENAME}"
      !endif
      !ifdef APP_PACKAGE_NAME
        RMDir /r "$APPDATA\${APP_PACKAGE_NAME}"
      !endif
    keepUserData:
  ${endIf}
!macroend
