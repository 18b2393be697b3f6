#!/bin/bash
# Writes an Asterisk 22 configuration for the fidelity captures into $1 (a directory seen inside the chroot as $2).
set -e
D=$1; IN=$2
mkdir -p $D/etc $D/lib $D/spool $D/run $D/log $D/moh $D/cache $D/db
head -c 16000 /dev/zero | tr '\0' '\377' > $D/moh/silence.ulaw
cat > $D/etc/asterisk.conf <<C
[directories]
astetcdir => $IN/etc
astmoddir => /usr/lib/x86_64-linux-gnu/asterisk/modules
astvarlibdir => $IN/lib
astdbdir => $IN/db
astkeydir => $IN/lib
astdatadir => /usr/share/asterisk
astagidir => /usr/share/asterisk/agi-bin
astspooldir => $IN/spool
astrundir => $IN/run
astlogdir => $IN/log
astcachedir => $IN/cache
astsbindir => /usr/sbin
[options]
runuser = root
rungroup = root
C
cat > $D/etc/modules.conf <<C
[modules]
autoload=no
load => res_pjproject.so
load => res_sorcery_config.so
load => res_sorcery_memory.so
load => res_sorcery_astdb.so
load => res_sorcery_realtime.so
load => res_rtp_asterisk.so
load => res_pjsip.so
load => res_pjsip_session.so
load => res_pjsip_endpoint_identifier_ip.so
load => res_pjsip_endpoint_identifier_user.so
load => res_pjsip_authenticator_digest.so
load => res_pjsip_caller_id.so
load => res_pjsip_sdp_rtp.so
load => res_pjsip_exten_state.so
load => res_pjsip_pubsub.so
load => res_pjsip_mwi.so
load => res_pjsip_notify.so
load => res_pjsip_rfc3326.so
load => res_pjsip_dtmf_info.so
load => chan_pjsip.so
load => func_pjsip_endpoint.so
load => res_musiconhold.so
load => res_mutestream.so
load => res_stasis.so
load => res_stasis_device_state.so
load => res_manager_devicestate.so
load => res_manager_presencestate.so
load => res_pjsip_outbound_publish.so
load => pbx_config.so
load => app_dial.so
load => app_queue.so
load => app_mixmonitor.so
load => app_chanspy.so
load => app_confbridge.so
load => app_playback.so
load => app_echo.so
load => app_db.so
load => app_stack.so
load => app_senddtmf.so
load => app_voicemail.so
load => func_db.so
load => func_callerid.so
load => func_channel.so
load => func_strings.so
load => func_logic.so
load => func_devstate.so
load => func_hangupcause.so
load => func_cdr.so
load => bridge_simple.so
load => bridge_native_rtp.so
load => bridge_softmix.so
load => bridge_holding.so
load => bridge_builtin_features.so
load => res_parking.so
load => codec_ulaw.so
load => codec_alaw.so
load => format_pcm.so
load => format_wav.so
load => cdr_manager.so
load => res_format_attr_opus.so
C
cat > $D/etc/logger.conf <<C
[general]
[logfiles]
console => notice,warning,error
messages.log => notice,warning,error,verbose
C
cat > $D/etc/manager.conf <<C
[general]
enabled = yes
port = ${AMI_PORT:-22038}
bindaddr = 127.0.0.1
[xuc]
secret = xucpass
read = all
write = all
C
touch $D/etc/pjsip_notify.conf $D/etc/res_parking.conf
cat > $D/etc/cdr.conf <<C
[general]
enable=yes
C
cat > $D/etc/cdr_manager.conf <<C
[general]
enabled = yes
C
cat > $D/etc/rtp.conf <<C
[general]
rtpstart=22400
rtpend=22499
C
cat > $D/etc/musiconhold.conf <<C
[default]
mode=files
directory=$IN/moh
C
cat > $D/etc/confbridge.conf <<C
[general]
C
cat > $D/etc/voicemail.conf <<C
[general]
[default]
1001 => 1234,Agent 1001
1003 => 1234,Agent 1003
C
{
cat <<C
[global]
type=global
endpoint_identifier_order=username,ip
[transport-udp]
type=transport
protocol=udp
bind=127.0.0.1:${SIP_PORT:-22060}
[trunk]
type=endpoint
context=from-external
disallow=all
allow=ulaw
direct_media=no
[trunk]
type=identify
endpoint=trunk
match=127.0.0.1
C
for p in 1001 1002 1003 1004 1006 1007; do
port=$((22100 + ${p#10}))
cat <<C
[$p]
type=endpoint
context=default
disallow=all
allow=ulaw
direct_media=no
aors=$p
callerid="Agent $p" <$p>
mailboxes=$p@default
[$p]
type=aor
contact=sip:$p@127.0.0.1:$port
C
done
} > $D/etc/pjsip.conf
cat > $D/etc/extensions.conf <<C
[general]
[from-external]
exten => 3000,1,Queue(sales)
exten => 3001,1,Queue(support)
exten => 3003,1,Queue(salesl)
exten => 3004,1,Queue(supportl)
exten => 3010,1,Answer()
 same => n,Queue(sales)
[default]
exten => _10XX,1,Dial(PJSIP/\${EXTEN},30)
exten => 4000,1,ConfBridge(4000)
[agents]
exten => _10XX,1,Dial(PJSIP/\${EXTEN})
C
cat > $D/etc/queues.conf <<C
[general]
[sales]
strategy=ringall
timeout=15
retry=1
member => PJSIP/1001,0,Agent 1001
member => PJSIP/1002,0,Agent 1002
[support]
strategy=rrmemory
timeout=4
retry=1
member => PJSIP/1006,0,Agent 1006
member => PJSIP/1007,0,Agent 1007
[salesl]
strategy=ringall
timeout=15
retry=1
member => Local/1001@agents,0,Agent 1001,PJSIP/1001
member => Local/1002@agents,0,Agent 1002,PJSIP/1002
[supportl]
strategy=rrmemory
timeout=4
retry=1
member => Local/1006@agents/n,0,Agent 1006,PJSIP/1006
member => Local/1007@agents/n,0,Agent 1007
[billing]
strategy=ringall
C
