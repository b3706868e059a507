#!/bin/bash
# record-batch.sh 3|4|5|6|7|8|9|10|11|12|13|14|15|16|17|18|19|20|21|22 — the later batches, recorded after the first twelve cases (record-all.sh), with other
# tools and habits; specs are "case host raw|enriched host|watch [pending]" (the rule set in rules/; "pending" records
# into ../pending, for a case the detector does not pass yet).
cd "$(dirname "$0")"; logs=${TMPDIR:-/tmp}
case ${1:?usage: record-batch.sh 3|4|5|6|7|8|9|10|11|12|13|14|15|16|17|18|19|20|21|22} in
  3) specs=("h5_cron_root_c_locker fs01.corp.example enriched watch" "h6_ssh_ccrypt_recursive ws-mk.lab.internal raw host"
       "h7_ssh_perl_truncate_rename ws-priya.lab.internal enriched watch" "h8_ssh_sudo_zip_move nas02.lab.internal raw watch"
       "b9_cron_logrotate_gzip nas01.lab.internal raw host" "b10_ssh_gpg_sign_release build01.lab.internal enriched watch"
       "b11_cron_rsync_move nas02.lab.internal raw host" "b12_ssh_ccdecrypt_restore ws-mk.lab.internal raw watch") ;;
  4) specs=("h9_ssh_root_su_openssl_replace nas01.lab.internal raw host" "h10_ssh_nohup_after_logout ws-priya.lab.internal enriched watch"
       "b14_ssh_tar_restore_over ws-mk.lab.internal raw host" "b15_ssh_convert_images build01.lab.internal raw watch"
       "b16_ssh_7z_extract_archives ws-priya.lab.internal raw host") ;;
  5) specs=("h11_cron_user_python_copy_delete build01.lab.internal raw host" "h12_ssh_sudo_inplace_wiper_locker web-shop01 enriched host"
       "h13_cron_root_tar_openssl_homes fs01.corp.example raw watch" "b17_ssh_tar_then_remove_project ws-priya.lab.internal raw host"
       "b18_ssh_git_checkout_branches build01.lab.internal raw watch" "b19_ssh_unzip_over ws-mk.lab.internal raw host"
       "b20_ssh_user_7z_one_folder ws-priya.lab.internal raw host") ;;
  6) specs=("h14_ssh_gpg_encrypt_files_find_delete nas02.lab.internal raw host" "h15_cron_rename_first_then_rewrite web-shop01 enriched watch"
       "b21_ssh_gpg_encrypt_files_backup_keep ws-priya.lab.internal raw host" "b22_cron_root_copy_backup nas01.lab.internal raw watch") ;;
  7) specs=("h16_ssh_sudo_i_ccencrypt_find nas01.lab.internal raw host" "h17_ssh_python_atomic_replace_rename web-shop01 enriched watch"
       "b23_ssh_python_atomic_config_rewrite nas02.lab.internal raw host") ;;
  8) specs=("h18_ssh_python_random_names ws-priya.lab.internal raw host" "b24_ssh_photos_renamed_by_date build01.lab.internal raw host") ;;
  9) specs=("h19_ssh_age_pubkey_rm ws-priya.lab.internal raw host" "h20_ssh_sudo_staging_copies nas01.lab.internal enriched watch"
       "h21_root_setsid_threaded_locker nas02.lab.internal raw host" "h22_ssh_gpgtar_per_folder ws-mk.lab.internal raw watch"
       "h23_cron_root_su_find_exec_openssl nas01.lab.internal enriched host" "h24_ssh_low_and_slow nas02.lab.internal raw host"
       "b25_ssh_restic_backup_home ws-priya.lab.internal enriched host" "b26_ssh_git_gc_aggressive build01.lab.internal raw watch"
       "b27_ssh_user_age_few_files ws-mk.lab.internal raw host" "b28_cron_find_mtime_delete web-shop01 raw host"
       "b29_ssh_slow_editing_session ws-priya.lab.internal raw watch" "b30_cron_mark_processed nas01.lab.internal raw host") ;;
  10) specs=("b31_ssh_tar_remove_files_monthly ws-mk.lab.internal raw host" "b32_ssh_7z_sdel_zip_m_nopass nas02.lab.internal enriched watch"
       "b33_cron_shred_expired_exports nas01.lab.internal raw host" "b34_cron_logrotate_dateext web-shop01 raw watch"
       "b35_ssh_rsync_backup_suffix ws-priya.lab.internal enriched host" "b36_cron_gpg_dump_keep build01.lab.internal raw host"
       "b37_ssh_photos_hash_names build01.lab.internal raw watch" "h25_ssh_tmux_detached_logout ws-mk.lab.internal raw host"
       "h26_ssh_sudo_dd_openssl_inplace web-shop01 enriched host" "h27_ssh_python_uuid_suffix ws-priya.lab.internal raw watch"
       "h28_ssh_sudo_find_multi_roots nas01.lab.internal raw host") ;;
  11) specs=("b38_ssh_openssl_decrypt_restore ws-mk.lab.internal raw host" "b39_ssh_gpg_decrypt_files ws-priya.lab.internal enriched watch"
       "b40_ssh_age_decrypt_archive ws-priya.lab.internal raw watch" "b41_ssh_mogrify_webp_rm build01.lab.internal raw host"
       "b42_ssh_rsync_inplace_mirror nas02.lab.internal enriched host" "b43_ssh_python_reencode_inplace build01.lab.internal raw watch"
       "h29_ssh_sudo_parallel_gpg nas01.lab.internal raw host" "h30_ssh_sudo_wipe_backups_openssl nas02.lab.internal enriched watch"
       "h31_ssh_renamed_openssl_devshm ws-priya.lab.internal raw host") ;;
  12) specs=("b44_ssh_sudo_apt_reinstall web-shop01 raw wide" "b45_ssh_sed_i_site build01.lab.internal enriched host"
       "b46_ssh_perl_pi_notes ws-priya.lab.internal raw watch" "b47_ssh_python_tmp_replace_json ws-mk.lab.internal raw host"
       "b48_ssh_dos2unix_tree build01.lab.internal raw watch" "b49_cron_borg_encrypted_backup nas01.lab.internal enriched host"
       "h32_ssh_python_intermittent ws-priya.lab.internal raw host" "h33_ssh_sudo_selfdelete_libcrypto nas02.lab.internal enriched host"
       "h34_ssh_find_print0_openssl_shred ws-mk.lab.internal raw watch" "b50_ssh_jpegoptim_photos build01.lab.internal raw host") ;;
  13) specs=("b51_ssh_gocryptfs_vault_move ws-mk.lab.internal raw host" "b52_ssh_rclone_crypt_sync ws-priya.lab.internal enriched watch"
       "b53_cron_rsnapshot_rotate nas01.lab.internal raw host" "b54_ssh_make_clean_rebuild build01.lab.internal raw watch"
       "h35_root_unshare_chroot_locker nas02.lab.internal enriched host" "h36_ssh_at_job_locker ws-priya.lab.internal raw wide"
       "h37_ssh_openssl_cms_pubkey ws-mk.lab.internal raw watch" "h38_ssh_sudo_forked_workers fs01.corp.example enriched watch") ;;
  14) specs=("h39_root_setsid_php_webshell web-shop01 enriched host" "h40_ssh_bash_s_utf8_names ws-priya.lab.internal raw watch"
       "h41_cron_root_runuser_7z nas01.lab.internal raw host" "h42_ssh_sudo_babuk_rename_first nas02.lab.internal enriched host"
       "b55_ssh_duplicity_home ws-priya.lab.internal raw host" "b56_ssh_tar_xJ_new_release build01.lab.internal raw watch"
       "b57_cron_root_daily_maintenance web-shop01 raw system" "b58_ssh_admin_gpg_recipient_shred nas01.lab.internal enriched host") ;;
  15) specs=("h43_ssh_sudo_mmap_locker nas01.lab.internal raw host" "h44_ssh_mmap_locker_openw_rules ws-priya.lab.internal raw openw"
       "h45_ssh_otmpfile_linkat ws-mk.lab.internal enriched host pending" "h46_ssh_new_account_openssl nas02.lab.internal raw host"
       "h47_ssh_python_copy_file_range ws-priya.lab.internal enriched watch" "b59_cron_zstd_old_logs nas01.lab.internal raw host"
       "b60_ssh_exiftool_rename_photos build01.lab.internal raw watch" "b61_ssh_sudo_openssl_x509_der web-shop01 enriched host"
       "b62_ssh_venv_pip_local_wheels build01.lab.internal raw wide") ;;
  16) specs=("h48_ssh_openssl_truncate_originals ws-priya.lab.internal raw host" "h49_ssh_sudo_staging_dd_wipe nas01.lab.internal enriched host"
       "h50_ssh_sudo_python_rename_dirs web-shop01 raw watch" "b63_ssh_maildir_mark_read ws-priya.lab.internal raw wide"
       "b64_ssh_syncthing_atomic_replace build01.lab.internal enriched host" "b65_ssh_7z_x_aoa_password_over ws-mk.lab.internal raw watch"
       "b66_cron_pgdump_gpg_rotate nas02.lab.internal enriched host") ;;
  17) specs=("h51_ssh_sudo_bindmount_mnt nas01.lab.internal enriched wide" "h52_ssh_busybox_7z_qnap nas02.lab.internal raw watch"
       "h53_ssh_nested_ssh_root web-shop01 raw host" "h54_ssh_root_sudo_u_fanout ws-mk.lab.internal enriched host"
       "h55_ssh_find_exec_python_c ws-mk.lab.internal raw host" "b67_ssh_rename_jpeg_jpg build01.lab.internal raw watch"
       "b68_ssh_browser_cache_churn ws-priya.lab.internal raw host" "b69_cron_root_av_quarantine nas01.lab.internal enriched host"
       "b70_cron_root_xz_weblogs web-shop01 raw watch" "h56_ssh_bindmount_host_rules nas02.lab.internal raw host"
       "h57_ssh_perl_i_inplace ws-priya.lab.internal enriched watch pending" "b71_ssh_tar_openssl_usb ws-mk.lab.internal raw wide"
       "b72_cron_root_gzip_k_rm build01.lab.internal enriched host" "b73_ssh_mv_loop_JPG_jpg build01.lab.internal raw watch") ;;
  18) specs=("h58_smb_client_lockbit_share nas01.lab.internal raw host pending" "h59_ssh_wrapped_openssl_timeout_nice ws-mk.lab.internal enriched watch"
       "h60_ssh_exec_a_kworker_locker ws-priya.lab.internal raw wide" "h61_ssh_sudo_devshm_cp_back web-shop01 enriched host"
       "b74_smb_office_save nas02.lab.internal raw watch" "b75_ssh_nextcloud_part_rename ws-priya.lab.internal enriched host"
       "b76_ssh_flac_transcode_rm build01.lab.internal raw wide" "b77_cron_user_tar_xz_remove_projects build01.lab.internal raw host" "h62_smb_one_session_lockbit nas02.lab.internal enriched watch") ;;
  19) specs=("h70_ssh_openssl_rm_under_pgbench_web ws-priya.lab.internal enriched system" "h71_ssh_sudo_c_locker_under_apt_rsync nas01.lab.internal raw host"
       "b90_ssh_sudo_pgbench_vacuum_dump db01.lab.internal raw system" "b91_ssh_nginx_php_uploads_sessions web-shop01 enriched system"
       "b92_ssh_sudo_apt_texlive_purge build01.lab.internal raw system" "b93_cron_root_desktop_daily ws-mk.lab.internal raw system"
       "b94_ssh_git_mirror_gc_repack build01.lab.internal enriched host" "b95_cron_root_rsync_doc_tar_etc nas02.lab.internal raw host") ;;
  20) specs=("h80_ssh_sudo_auditctl_cut_midway nas01.lab.internal raw host" "h81_ssh_venv_python_setsid_logout ws-priya.lab.internal enriched watch"
       "h82_ssh_scareware_rename_locked ws-mk.lab.internal raw host" "h83_ssh_split_openssl_cat nas02.lab.internal enriched wide"
       "b100_ssh_sudo_mv_tree_to_tmpfs nas01.lab.internal raw host" "b101_ssh_rsync_camera_card_dated build01.lab.internal raw wide"
       "b102_ssh_gpg_c_tax_pdfs_shred ws-priya.lab.internal enriched host" "b103_ssh_tar_restore_find_newer_delete ws-mk.lab.internal raw watch") ;;
  21) specs=("h84_ssh_sudo_vmdisk_intermittent nas01.lab.internal raw wide" "h85_ssh_bash_s_stdin_redirect_openssl ws-priya.lab.internal enriched watch"
       "h86_cron_d_www_data_uploads web-shop01 raw host" "h87_ssh_sudo_7z_sdel_homes fs01.corp.example enriched host"
       "b104_cron_root_sha256sums_archive nas02.lab.internal raw host" "b105_ssh_sudo_config_push_managed build01.lab.internal enriched wide"
       "b106_smb_mput_move_share nas02.lab.internal raw host" "b107_ssh_thumbnails_cache ws-priya.lab.internal raw watch") ;;
  22) specs=("h88_ssh_sudo_postgres_datadir_locker db01.lab.internal enriched system" "h89_ssh_sudo_strip_protections_gpg_shred nas01.lab.internal raw system"
       "h90_ssh_appending_locker ws-priya.lab.internal enriched watch" "b108_ssh_ansible_vault_encrypt_inventory build01.lab.internal raw host"
       "b109_ssh_pandoc_notes_to_docx ws-mk.lab.internal enriched watch" "b110_ssh_pip_force_reinstall_venv build01.lab.internal raw host"
       "b111_ssh_sudo_update_ca_certificates_fresh web-shop01 raw wide" "h91_webshell_su_root_password_locker web-shop01 raw host") ;;
  *) echo "no batch $1" >&2; exit 2 ;;
esac
for spec in "${specs[@]}"; do
  set -- $spec
  case ${5:-} in pending) export OUT=$(cd .. && pwd)/pending ;; *) unset OUT ;; esac
  RULES=$4 flock /tmp/ransomtrace-auditd.lock ./record.sh $1 $2 $3 > $logs/rt-independent-$1.txt 2>&1 9>&-
  echo "$1 done: $(tail -2 $logs/rt-independent-$1.txt | tr '\n' ' ')"
done
