from tts_pipeline.cli import main

main(prog_name="tts-pipeline")
